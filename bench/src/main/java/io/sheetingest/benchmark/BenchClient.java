package io.sheetingest.benchmark;

import java.nio.file.Path;

/**
 * Entry point of the bench client that bench/run.sh drives:
 * <ul>
 * <li>{@code generate <dir> <rows>...}: the xlsx and CSV inputs</li>
 * <li>{@code ingest --api --token-file --file --dataset --label --pid [--rate --scrape-url --service-log]}: one
 * measured ingestion, one JSON line on stdout</li>
 * <li>{@code idle --api --token-file --label --pid --idle-seconds}: the latency probe against the idle service</li>
 * <li>{@code poi-usermodel --file --jdbc --table}: the POI usermodel + JDBC batch baseline</li>
 * <li>{@code sax-speed <xlsx> [rounds]}: sheet-XML parse speed of the JDK's SAX parser and Aalto's</li>
 * </ul>
 */
public final class BenchClient {

    private BenchClient() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: generate|ingest|idle|poi-usermodel ...");
        }
        switch (args[0]) {
            case "generate" -> {
                for (int i = 2; i < args.length; i++) {
                    InputGenerator.generate(Path.of(args[1]), Long.parseLong(args[i]));
                }
            }
            case "ingest", "idle" -> System.out.println(new IngestRun(BenchArgs.parse(args, 1)).run());
            case "poi-usermodel" -> System.out.println(PoiUsermodelLoad.run(BenchArgs.parse(args, 1)));
            case "sax-speed" -> SaxSpeed.run(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 3);
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
        System.exit(0);
    }
}
