package io.sheetingest.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;

import io.sheetingest.executor.WorkerSizing;
import io.sheetingest.pool.PoolSizing;

/**
 * The Kubernetes manifests the build writes to {@code target/kubernetes/kubernetes.yml} (quarkus-kubernetes,
 * merged with {@code src/main/kubernetes/kubernetes.yml}). Runs after {@code package}, hence an {@code IT}, and
 * needs no cluster: it checks what the rollout, the probes, scraping and the sizing rules depend on.
 */
class KubernetesManifestsIT {

    private static final Path MANIFESTS = Path.of("target/kubernetes/kubernetes.yml");
    private static final String APP = "sheet-ingest";
    private static final int MANAGEMENT_PORT = 9000;

    /** Executor shutdown, per executor (EXECUTOR_SHUTDOWN_TIMEOUT); the CPU and I/O executors stop in turn. */
    private static final int EXECUTOR_SHUTDOWN_SECONDS = 30;
    /** quarkus.shutdown.delay + quarkus.shutdown.timeout in the prod profile. */
    private static final int HTTP_SHUTDOWN_SECONDS = 5 + 10;
    /** How long the job dispatcher waits, after the executors, to put unfinished jobs back in the queue. */
    private static final int RELEASE_SECONDS = 10;

    /** The typed model of each kind and API version the manifests may hold. */
    private static final Map<String, Class<?>> MODELS = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Service", Service.class,
            "v1/PersistentVolumeClaim", PersistentVolumeClaim.class,
            "apps/v1/Deployment", Deployment.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class);

    private static List<JsonNode> resources;

    @BeforeAll
    static void readManifests() throws IOException {
        assertTrue(Files.isRegularFile(MANIFESTS), MANIFESTS + " is written by ./mvnw package");
        resources = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = new YAMLMapper().readerFor(JsonNode.class)
                .readValues(MANIFESTS.toFile())) {
            documents.forEachRemaining(resources::add);
        }
    }

    @Test
    void containsEveryResourceOnce() {
        List<String> kinds = resources.stream()
                .map(r -> r.path("kind").asText() + "/" + r.path("metadata").path("name").asText())
                .sorted()
                .toList();

        assertEquals(List.of(
                "ConfigMap/sheet-ingest",
                "Deployment/sheet-ingest",
                "HorizontalPodAutoscaler/sheet-ingest",
                "PersistentVolumeClaim/sheet-ingest-store",
                "PodDisruptionBudget/sheet-ingest",
                "Service/sheet-ingest",
                "Service/sheet-ingest-management",
                "ServiceMonitor/sheet-ingest"), kinds, "resources in " + MANIFESTS);
    }

    @Test
    void declaresOnlyFieldsKubernetesKnows() {
        ObjectMapper mapper = new ObjectMapper();
        List<String> unknown = new ArrayList<>();
        for (JsonNode resource : resources) {
            String type = resource.path("apiVersion").asText() + "/" + resource.path("kind").asText();
            Class<?> model = MODELS.get(type);
            assertTrue(model != null, "no model for " + type);
            String name = type + " " + resource.path("metadata").path("name").asText();
            collectUnknownFields(mapper.convertValue(resource, model), name, unknown);
        }

        assertEquals(List.of(), unknown, "fields the Kubernetes API would drop or refuse");
    }

    @Test
    void probesHealthOnManagementPort() {
        JsonNode container = container();

        assertProbe(container, "livenessProbe", "/q/health/live");
        assertProbe(container, "readinessProbe", "/q/health/ready");
        assertProbe(container, "startupProbe", "/q/health/started");
    }

    @Test
    void limitsTwoCpusThatGiveDocumentedSizes() {
        JsonNode resources = container().path("resources");
        assertEquals("2", resources.path("limits").path("cpu").asText(), "CPU limit");
        assertEquals("1", resources.path("requests").path("cpu").asText(), "CPU request");
        assertEquals("1Gi", resources.path("limits").path("memory").asText(), "memory limit");
        assertEquals("1Gi", resources.path("requests").path("memory").asText(),
                "memory request equals the limit: the pod is never OOM-killed for a neighbour's use");

        int cores = resources.path("limits").path("cpu").asInt();
        assertEquals(1, WorkerSizing.cpuDefault(cores), "CPU executor threads on a 2-CPU limit");
        assertEquals(10, WorkerSizing.ioDefault(cores), "I/O executor threads on a 2-CPU limit");
        PoolSizing pool = PoolSizing.resolve(List.of("prod"), cores, "0", "0");
        assertEquals(20, pool.base(), "connections kept open per pool on a 2-CPU limit");
        assertEquals(30, pool.max(), "connections at most per pool on a 2-CPU limit");
    }

    @Test
    void takesSettingsFromConfigMapAndPasswordFromSecret() {
        JsonNode container = container();
        assertEquals("sheet-ingest", container.path("envFrom").path(0).path("configMapRef").path("name").asText());

        JsonNode password = env(container, "DB_PASSWORD").path("valueFrom").path("secretKeyRef");
        assertEquals("sheet-ingest-db", password.path("name").asText(), "Secret holding the password");
        assertEquals("password", password.path("key").asText(), "key in that Secret");

        JsonNode data = resource("ConfigMap", APP).path("data");
        Set<String> keys = Set.copyOf(iterable(data.fieldNames()));
        assertEquals(Set.of("DB_HOST", "DB_PORT", "DB_NAME", "DB_USER", "DB_POOL_SIZE", "DB_MAX_OVERFLOW",
                "CPU_EXECUTOR_WORKERS", "IO_EXECUTOR_WORKERS", "EXECUTOR_SHUTDOWN_TIMEOUT", "STORE_DIR",
                "MAX_FILE_SIZE"), keys, "ConfigMap keys");
        assertEquals(EXECUTOR_SHUTDOWN_SECONDS + "s", data.path("EXECUTOR_SHUTDOWN_TIMEOUT").asText());
        assertFalse(resources.stream().anyMatch(r -> "Secret".equals(r.path("kind").asText())),
                "no Secret, and so no password, is checked in");
    }

    @Test
    void outlastsGracefulShutdownBeforeKill() {
        JsonNode pod = resource("Deployment", APP).path("spec").path("template").path("spec");
        int grace = pod.path("terminationGracePeriodSeconds").asInt();

        assertTrue(grace > HTTP_SHUTDOWN_SECONDS + 2 * EXECUTOR_SHUTDOWN_SECONDS + RELEASE_SECONDS,
                "terminationGracePeriodSeconds=" + grace + " must exceed the longest graceful shutdown");
    }

    @Test
    void rollsOutWithoutLosingCapacity() {
        JsonNode spec = resource("Deployment", APP).path("spec");
        JsonNode rolling = spec.path("strategy").path("rollingUpdate");
        assertEquals(0, rolling.path("maxUnavailable").asInt(), "maxUnavailable");
        assertEquals(1, rolling.path("maxSurge").asInt(), "maxSurge");

        JsonNode selector = spec.path("selector").path("matchLabels");
        assertFalse(selector.has("app.kubernetes.io/version"),
                "an immutable selector without the version, so that an upgrade can be applied");
        assertMatches(selector, spec.path("template").path("metadata").path("labels"), "Deployment selector");
    }

    @Test
    void exposesApiAndManagementServices() {
        JsonNode api = resource("Service", APP).path("spec");
        assertEquals(8080, api.path("ports").path(0).path("targetPort").asInt(), "API Service target");
        assertEquals(1, api.path("ports").size(), "the API Service exposes the API only");

        JsonNode management = resource("Service", "sheet-ingest-management").path("spec");
        assertEquals(MANAGEMENT_PORT, management.path("ports").path(0).path("port").asInt());
        assertEquals("management", management.path("ports").path(0).path("name").asText());
        assertMatches(management.path("selector"), podLabels(), "management Service selector");
    }

    @Test
    void scrapesMetricsThroughManagementService() {
        JsonNode monitor = resource("ServiceMonitor", APP).path("spec");
        assertMatches(monitor.path("selector").path("matchLabels"),
                resource("Service", "sheet-ingest-management").path("metadata").path("labels"),
                "ServiceMonitor selector");
        assertEquals("management", monitor.path("selector").path("matchLabels").path("app.kubernetes.io/component")
                .asText(), "the ServiceMonitor selects the management Service only");
        assertFalse(resource("Service", APP).path("metadata").path("labels").has("app.kubernetes.io/component"),
                "the API Service is not scraped");
        JsonNode endpoint = monitor.path("endpoints").path(0);
        assertEquals("management", endpoint.path("port").asText());
        assertEquals("/q/metrics", endpoint.path("path").asText());

        JsonNode annotations = resource("Deployment", APP).path("spec").path("template").path("metadata")
                .path("annotations");
        assertEquals("true", annotations.path("prometheus.io/scrape").asText());
        assertEquals(String.valueOf(MANAGEMENT_PORT), annotations.path("prometheus.io/port").asText());
        assertEquals("/q/metrics", annotations.path("prometheus.io/path").asText());
    }

    @Test
    void scalesAndProtectsDeployment() {
        JsonNode hpa = resource("HorizontalPodAutoscaler", APP).path("spec");
        assertEquals("Deployment", hpa.path("scaleTargetRef").path("kind").asText());
        assertEquals(APP, hpa.path("scaleTargetRef").path("name").asText());
        assertEquals(2, hpa.path("minReplicas").asInt(), "minReplicas");
        assertEquals(4, hpa.path("maxReplicas").asInt(), "maxReplicas");
        assertEquals("cpu", hpa.path("metrics").path(0).path("resource").path("name").asText());

        JsonNode pdb = resource("PodDisruptionBudget", APP).path("spec");
        assertEquals(1, pdb.path("minAvailable").asInt(), "minAvailable");
        assertTrue(pdb.path("minAvailable").asInt() < hpa.path("minReplicas").asInt(),
                "a node drain can always evict one pod");
        assertMatches(pdb.path("selector").path("matchLabels"), podLabels(), "PodDisruptionBudget selector");
    }

    @Test
    void mountsSharedStoreWhereStoreDirPoints() {
        JsonNode pod = resource("Deployment", APP).path("spec").path("template").path("spec");
        JsonNode mount = container().path("volumeMounts").path(0);
        String storeDir = resource("ConfigMap", APP).path("data").path("STORE_DIR").asText();
        assertTrue(storeDir.startsWith(mount.path("mountPath").asText() + "/"),
                "STORE_DIR=" + storeDir + " lies on the mounted volume " + mount.path("mountPath").asText());

        String claim = pod.path("volumes").path(0).path("persistentVolumeClaim").path("claimName").asText();
        JsonNode pvc = resource("PersistentVolumeClaim", claim).path("spec");
        assertEquals("ReadWriteMany", pvc.path("accessModes").path(0).asText(),
                "every replica reads files any replica accepted");
        assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean(), "runAsNonRoot");
    }

    /**
     * The fabric8 model keeps every field it does not define in {@code additionalProperties}: walking the typed
     * resource and collecting those finds misspelt or misplaced fields, which schema validation lets through.
     */
    private static void collectUnknownFields(Object value, String path, List<String> unknown) {
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                collectUnknownFields(item, path + "[" + index++ + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> entries) {
            entries.forEach((key, item) -> collectUnknownFields(item, path + "." + key, unknown));
            return;
        }
        if (value == null || !value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            String name = getter.getName();
            if (getter.getParameterCount() != 0 || !name.startsWith("get") || "getClass".equals(name)) {
                continue;
            }
            Object child = invoke(getter, value);
            if ("getAdditionalProperties".equals(name)) {
                ((Map<?, ?>) child).keySet().forEach(field -> unknown.add(path + "." + field));
            } else {
                collectUnknownFields(child, path + "." + name.substring(3, 4).toLowerCase(Locale.ROOT)
                        + name.substring(4), unknown);
            }
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + getter, e);
        }
    }

    private static void assertProbe(JsonNode container, String probe, String path) {
        JsonNode get = container.path(probe).path("httpGet");
        assertEquals(path, get.path("path").asText(), probe + " path");
        assertEquals(MANAGEMENT_PORT, get.path("port").asInt(), probe + " port");
    }

    /** Every label the selector asks for is on the target with the same value. */
    private static void assertMatches(JsonNode selector, JsonNode labels, String what) {
        assertFalse(selector.isEmpty(), what + " is empty");
        for (Map.Entry<String, JsonNode> label : iterable(selector.fields())) {
            assertEquals(label.getValue().asText(), labels.path(label.getKey()).asText(),
                    what + " label " + label.getKey());
        }
    }

    private static JsonNode podLabels() {
        return resource("Deployment", APP).path("spec").path("template").path("metadata").path("labels");
    }

    private static JsonNode container() {
        JsonNode containers = resource("Deployment", APP).path("spec").path("template").path("spec")
                .path("containers");
        assertEquals(1, containers.size(), "containers in the pod");
        return containers.path(0);
    }

    private static JsonNode env(JsonNode container, String name) {
        for (JsonNode variable : container.path("env")) {
            if (name.equals(variable.path("name").asText())) {
                return variable;
            }
        }
        throw new AssertionError("no env " + name + " in " + container.path("env"));
    }

    private static JsonNode resource(String kind, String name) {
        return resources.stream()
                .filter(r -> kind.equals(r.path("kind").asText()))
                .filter(r -> name.equals(r.path("metadata").path("name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + "/" + name + " in " + MANIFESTS));
    }

    private static <T> List<T> iterable(Iterator<T> iterator) {
        List<T> out = new ArrayList<>();
        iterator.forEachRemaining(out::add);
        return out;
    }
}
