#!/usr/bin/env bash
# Checks the shipped Prometheus alerting rules: syntax (promtool check rules) and behaviour (promtool test rules).
# Installs Debian's prometheus package, which carries promtool, when promtool is absent.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v promtool >/dev/null 2>&1; then
  echo "== promtool not found: installing the Debian package prometheus"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
fi

echo "== $(promtool --version 2>&1 | head -1)"
promtool check rules deploy/prometheus/alerts.yml
# Test files name their rule files relative to themselves.
(cd deploy/prometheus && promtool test rules alerts.test.yml)
