#!/usr/bin/env python3
"""Consistency checks of the deployment files that no generic linter makes (run by deploy/lint.sh).

- Every flag that the compose file, the Kubernetes manifests, the Dockerfile and deploy/README.md
  pass to akhbar-ingest or akhbar-enricher is declared in the Swift sources.
- The resource bundle the Dockerfile checks for is the one SwiftPM makes for Package.swift.
- Every COPY source of the Dockerfile exists and is not excluded by Dockerfile.dockerignore.
- The Kubernetes files agree with each other: names, the metrics port, the probes, the replica
  counts against the topic's partitions, and the KEDA trigger against the ConfigMap. The SQLite
  Deployment keeps its replicas on the node of its volume; the PostgreSQL one (k8s/postgres/) has
  no volume and no pinning, and takes the store's address and password from its Secret.
- The compose file's enricher can scale (no container_name, no published ports) and uses the
  same metrics port.
- Every --store address names a database the files define, without a password; the password
  reaches the program as PGPASSWORD (or a file), from the environment or a Secret, never inline.
- The Grafana dashboard's and the alert rules' queries parse (promtool) and name only metrics the
  programs export, and every alert has a unit test.

Needs PyYAML (yamllint brings it). Exits 1 on the first kind of problem found, listing them all.
"""

from __future__ import annotations

import fnmatch
import json
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
K8S = DEPLOY / "k8s"
K8S_POSTGRES = K8S / "postgres"

METRICS_PORT = 9464

# Where each program's options are declared.
PROGRAM_SOURCES = {
    "akhbar-ingest": ["Services/Ingest", "Shared/ServiceCommandLine"],
    "akhbar-enricher": ["Services/Enricher", "Shared/ServiceCommandLine"],
}

problems: list[str] = []
notices: list[str] = []


def problem(message: str) -> None:
    problems.append(message)


# MARK: flags declared in Swift


def kebab(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"-\1", name).lower()


def declared_flags(program: str) -> set[str]:
    flags = {"--help", "-h"}
    for folder in PROGRAM_SOURCES[program]:
        for source in sorted((ROOT / folder).rglob("*.swift")):
            text = source.read_text(encoding="utf-8")
            for match in re.finditer(r"@(?:Option|Flag)\b", text):
                declaration = re.compile(r"\bvar\s+(\w+)").search(text, match.end())
                if declaration is None:
                    continue
                attribute = text[match.end() : declaration.start()]
                custom = re.search(r'\.customLong\("([^"]+)"', attribute)
                flags.add("--" + (custom.group(1) if custom else kebab(declaration.group(1))))
    return flags


DECLARED = {program: declared_flags(program) for program in PROGRAM_SOURCES}


def check_command(where: str, argv: list[str]) -> None:
    """argv starts with the program's name; flags are the arguments that start with --."""
    program = Path(str(argv[0])).name
    if program not in DECLARED:
        return
    for argument in argv[1:]:
        argument = str(argument)
        if argument == "--" or not argument.startswith("--"):
            continue
        flag = argument.split("=", 1)[0]
        if flag in DECLARED[program]:
            continue
        problem(f"{where}: {program} has no flag {flag}")


# MARK: YAML


def load_all(path: Path) -> list[dict]:
    return [document for document in yaml.safe_load_all(path.read_text(encoding="utf-8")) if document]


def only(path: Path, kind: str) -> dict:
    documents = [d for d in load_all(path) if d.get("kind") == kind]
    if len(documents) != 1:
        problem(f"{path.relative_to(ROOT)}: expected one {kind}, found {len(documents)}")
        return {}
    return documents[0]


def containers(pod_spec: dict) -> list[dict]:
    return list(pod_spec.get("initContainers", [])) + list(pod_spec.get("containers", []))


def option(argv: list[str], flag: str) -> str | None:
    """The value after flag in argv (or of flag=value), None when argv lacks it."""
    for i, argument in enumerate(argv):
        if argument == flag and i + 1 < len(argv):
            return argv[i + 1]
        if argument.startswith(flag + "="):
            return argument.split("=", 1)[1]
    return None


def check_store_address(where: str, address: str) -> tuple[str, int, str, str] | None:
    """A postgres:// --store address: (host, port, user, database), or None after a problem."""
    parts = urlsplit(address)
    if parts.scheme not in ("postgres", "postgresql") or not parts.hostname:
        problem(f"{where}: the store address {address!r} is not postgres://USER@HOST:PORT/DATABASE")
        return None
    if parts.password is not None:
        problem(f"{where}: the store address holds a password; give it in PGPASSWORD or --store-password-file")
        return None
    user = parts.username or "postgres"
    return parts.hostname, parts.port or 5432, user, parts.path.lstrip("/") or user


# MARK: checks


def check_dockerfile() -> None:
    dockerfile = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    ignore = [
        line.strip()
        for line in (DEPLOY / "Dockerfile.dockerignore").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    for needed in (".build", ".tools", ".run", ".git"):
        if needed not in ignore:
            problem(f"deploy/Dockerfile.dockerignore does not exclude {needed}")

    def excluded(path: str) -> bool:
        parts = Path(path).parts
        for pattern in ignore:
            bare = pattern.removeprefix("**/")
            prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
            if any(fnmatch.fnmatch(prefix, pattern) or fnmatch.fnmatch(prefix, bare) for prefix in prefixes):
                return True
        return False

    for line in dockerfile.splitlines():
        words = line.split()
        if not words or words[0] != "COPY" or any(w.startswith("--from=") for w in words):
            continue
        sources = [w for w in words[1:-1] if not w.startswith("--")]
        for source in sources:
            if source == ".":
                continue
            matches = list(ROOT.glob(source))
            if not matches and "*" not in source:
                problem(f"deploy/Dockerfile: COPY source {source} does not exist")
            for match in matches:
                relative = str(match.relative_to(ROOT))
                if excluded(relative):
                    problem(f"deploy/Dockerfile: COPY source {relative} is excluded by Dockerfile.dockerignore")

    # SwiftPM names a target's bundle <package name>_<target name>.resources.
    manifest = (ROOT / "Package.swift").read_text(encoding="utf-8")
    package = re.search(r'Package\(\s*name:\s*"([^"]+)"', manifest)
    bundles = set()
    for target in re.finditer(r'\.target\(\s*name:\s*"([^"]+)"(.*?)\n        \)', manifest, re.S):
        if "resources:" in target.group(2):
            bundles.add(f"{package.group(1)}_{target.group(1)}.resources" if package else "?")
    named = set(re.findall(r"(\w+_\w+\.resources)", dockerfile))
    if not bundles:
        problem("Package.swift: found no target with resources (is the parse out of date?)")
    for bundle in named - bundles:
        problem(f"deploy/Dockerfile names {bundle}, but Package.swift makes {sorted(bundles)}")
    for bundle in sorted(bundles - named):
        problem(f"deploy/Dockerfile does not check for the resource bundle {bundle}")

    cmd = re.search(r"^CMD\s+(\[.*\])\s*$", dockerfile, re.M)
    if cmd:
        check_command("deploy/Dockerfile CMD", yaml.safe_load(cmd.group(1)))


def check_compose() -> None:
    compose = yaml.safe_load((DEPLOY / "docker-compose.yml").read_text(encoding="utf-8"))
    services = compose.get("services", {})
    for name, service in services.items():
        command = service.get("command")
        if isinstance(command, str):
            command = shlex.split(command)
        if command:
            check_command(f"deploy/docker-compose.yml {name}", command)
    enricher = services.get("enricher", {})
    for key in ("container_name", "ports"):
        if key in enricher:
            problem(f"deploy/docker-compose.yml: enricher has {key}, so --scale enricher=N cannot work")
    command = [str(c) for c in enricher.get("command", [])]
    if "--metrics-port" not in command or command[command.index("--metrics-port") + 1] != str(METRICS_PORT):
        problem(f"deploy/docker-compose.yml: the enricher should run with --metrics-port {METRICS_PORT}")
    health = " ".join(str(t) for t in enricher.get("healthcheck", {}).get("test", []))
    if "/health" not in health or str(METRICS_PORT) not in health:
        problem("deploy/docker-compose.yml: the enricher's healthcheck does not GET /health on the metrics port")
    topic = services.get("kafka-init", {}).get("command", [])
    if "--partitions" in topic:
        notices.append(f"compose: articles.raw gets {topic[topic.index('--partitions') + 1]} partitions")
    check_compose_store(compose)


def check_compose_store(compose: dict) -> None:
    """The services that pass --store reach the compose file's PostgreSQL, with the password apart."""
    services = compose.get("services", {})
    volumes = compose.get("volumes") or {}
    for name, service in services.items():
        command = service.get("command") or []
        command = shlex.split(command) if isinstance(command, str) else [str(c) for c in command]
        address = option(command, "--store")
        if address is None:
            continue
        where = f"deploy/docker-compose.yml {name}"
        if option(command, "--db") is not None:
            problem(f"{where}: both --db and --store")
        target = check_store_address(where, address)
        if target is None:
            continue
        host, port, user, database = target
        server = services.get(host)
        if server is None:
            problem(f"{where}: --store names the host {host}, which is no service of the file")
            continue
        if host not in (service.get("depends_on") or {}) or service["depends_on"][host].get("condition") != (
            "service_healthy"
        ):
            problem(f"{where}: should depend on {host} with condition service_healthy")
        environment = server.get("environment") or {}
        if port != 5432 or user != environment.get("POSTGRES_USER") or database != environment.get("POSTGRES_DB"):
            problem(f"{where}: --store {address} is not {host}:5432 with its POSTGRES_USER and POSTGRES_DB")
        password = str((service.get("environment") or {}).get("PGPASSWORD", ""))
        if option(command, "--store-password-file") is None:
            if not password:
                problem(f"{where}: --store without PGPASSWORD or --store-password-file")
            elif not password.startswith("${"):
                problem(f"{where}: PGPASSWORD is written in the file; take it from the environment")
            elif password != str(environment.get("POSTGRES_PASSWORD", "")):
                problem(f"{where}: PGPASSWORD does not come from where {host}'s POSTGRES_PASSWORD does")

    postgres = services.get("postgres")
    if postgres is None:
        return
    image = str(postgres.get("image", ""))
    if not re.search(r"\bpostgres:15\b", image):
        problem(f"deploy/docker-compose.yml: postgres runs {image}, not postgres:15")
    password = str((postgres.get("environment") or {}).get("POSTGRES_PASSWORD", ""))
    if password and not password.startswith("${"):
        problem("deploy/docker-compose.yml: postgres's POSTGRES_PASSWORD is written in the file")
    health = " ".join(str(t) for t in (postgres.get("healthcheck") or {}).get("test", []))
    if "pg_isready" not in health:
        problem("deploy/docker-compose.yml: postgres's healthcheck does not run pg_isready")
    mounts = [str(v) for v in postgres.get("volumes", [])]
    if not any(v.split(":")[0] in volumes and v.split(":")[1] == "/var/lib/postgresql/data" for v in mounts):
        problem("deploy/docker-compose.yml: postgres keeps /var/lib/postgresql/data on no named volume")


def check_pod_commands(where: str, spec: dict, config: dict) -> None:
    """The flags of each container's command, and that every $(VAR) of its args is in its environment."""
    environment = set()
    for container in containers(spec):
        for source in container.get("envFrom", []):
            if source.get("configMapRef", {}).get("name") == "akhbar-config":
                environment |= set(config)
        environment |= {e["name"] for e in container.get("env", [])}
        argv = list(container.get("command", [])) + list(container.get("args", []))
        if argv:
            check_command(f"deploy/k8s/{where} {container['name']}", argv)
        for argument in container.get("args", []):
            for variable in re.findall(r"\$\((\w+)\)", str(argument)):
                if variable not in environment:
                    problem(f"deploy/k8s/{where}: $({variable}) is not in the container's environment")


def check_enricher_deployment(where: str, deployment: dict, partitions: int) -> None:
    """What every enricher Deployment needs, whichever its store: labels, replicas, port, probes, limits."""
    pod = deployment["spec"]["template"]["spec"]
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    if any(labels.get(k) != v for k, v in deployment["spec"]["selector"]["matchLabels"].items()):
        problem(f"{where}: the selector does not match the pod labels")
    replicas = deployment["spec"].get("replicas", 1)
    if partitions and replicas > partitions:
        problem(f"{where}: {replicas} replicas > {partitions} partitions")

    enricher = pod["containers"][0]
    args = [str(a) for a in enricher.get("args", [])]
    if "--metrics-port" not in args or args[args.index("--metrics-port") + 1] != str(METRICS_PORT):
        problem(f"{where}: the enricher should run with --metrics-port {METRICS_PORT}")
    ports = {p.get("name"): p.get("containerPort") for p in enricher.get("ports", [])}
    for probe, path in (("livenessProbe", "/health"), ("readinessProbe", "/ready"), ("startupProbe", "/health")):
        http = enricher.get(probe, {}).get("httpGet", {})
        port = ports.get(http.get("port"), http.get("port"))
        if http.get("path") != path or port != METRICS_PORT:
            problem(f"{where}: {probe} should GET {path} on port {METRICS_PORT}")
    annotations = deployment["spec"]["template"]["metadata"].get("annotations", {})
    if annotations.get("prometheus.io/port") != str(METRICS_PORT):
        problem(f"{where}: prometheus.io/port does not name the metrics port")
    if enricher.get("resources", {}).get("limits", {}).get("memory") != "256Mi":
        problem(f"{where}: the memory limit should be 256Mi")
    if pod.get("terminationGracePeriodSeconds", 30) <= 10:
        problem(f"{where}: terminationGracePeriodSeconds must exceed the ~10 s shutdown")


def check_kubernetes_postgres(config: dict, partitions: int, name: str) -> None:
    """k8s/postgres/: an enricher Deployment free to spread, its store and password from the Secret."""
    where = "postgres/enricher-deployment.yaml"
    deployment = only(K8S_POSTGRES / "enricher-deployment.yaml", "Deployment")
    secret = only(K8S_POSTGRES / "secret-example.yaml", "Secret")
    if not (deployment and secret):
        return
    check_enricher_deployment(where, deployment, partitions)
    pod = deployment["spec"]["template"]["spec"]
    check_pod_commands(where, pod, config)
    if deployment["metadata"]["name"] != name:
        problem(f"{where}: named {deployment['metadata']['name']}, not {name}, so it would run beside the SQLite one")
    if any("persistentVolumeClaim" in v for v in pod.get("volumes", [])):
        problem(f"{where}: mounts a PersistentVolumeClaim; the PostgreSQL enrichers keep no state")
    if pod.get("affinity", {}).get("podAffinity") or pod.get("nodeSelector") or pod.get("nodeName"):
        problem(f"{where}: pins the replicas to a node; with PostgreSQL they may run anywhere")

    enricher = pod["containers"][0]
    args = [str(a) for a in enricher.get("args", [])]
    if option(args, "--db") is not None or option(args, "--store") != "$(AKHBAR_STORE_URL)":
        problem(f"{where}: the enricher should run with --store $(AKHBAR_STORE_URL) and no --db")
    secret_name = secret["metadata"]["name"]
    data = secret.get("stringData", {})
    sources = {
        e["name"]: e.get("valueFrom", {}).get("secretKeyRef", {}) for e in enricher.get("env", []) if "name" in e
    }
    for variable, key in (("AKHBAR_STORE_URL", "store-url"), ("PGPASSWORD", "password")):
        reference = sources.get(variable, {})
        if reference.get("name") != secret_name or reference.get("key") != key:
            problem(f"{where}: {variable} should come from key {key} of the Secret {secret_name}")
        if key not in data:
            problem(f"postgres/secret-example.yaml: no key {key}")
    if "store-url" in data:
        check_store_address("postgres/secret-example.yaml store-url", str(data["store-url"]))


def check_kubernetes() -> None:
    config = only(K8S / "configmap.yaml", "ConfigMap").get("data", {})
    partitions = int(config.get("AKHBAR_PARTITIONS", "0"))
    for key in ("AKHBAR_BROKERS", "AKHBAR_TOPIC", "AKHBAR_GROUP", "AKHBAR_PARTITIONS"):
        if key not in config:
            problem(f"deploy/k8s/configmap.yaml: no {key}")

    namespaces = {only(K8S / "namespace.yaml", "Namespace").get("metadata", {}).get("name")}
    for path in sorted(K8S.rglob("*.yaml")):
        for document in load_all(path):
            namespace = document.get("metadata", {}).get("namespace")
            if document.get("kind") != "Namespace" and namespace not in namespaces:
                problem(f"{path.relative_to(ROOT)}: {document.get('kind')} is in namespace {namespace}")

    deployment = only(K8S / "enricher-deployment.yaml", "Deployment")
    pvc = only(K8S / "enricher-pvc.yaml", "PersistentVolumeClaim")
    job = only(K8S / "ingest-job.yaml", "Job")
    scaled = only(K8S / "enricher-keda-scaledobject.yaml", "ScaledObject")
    secret = only(K8S / "secret-example.yaml", "Secret")
    if not (deployment and pvc and job and scaled and secret):
        return

    pod = deployment["spec"]["template"]["spec"]
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    check_enricher_deployment("enricher-deployment.yaml", deployment, partitions)
    for where, spec in (("enricher-deployment.yaml", pod), ("ingest-job.yaml", job["spec"]["template"]["spec"])):
        check_pod_commands(where, spec, config)

    claims = {v["persistentVolumeClaim"]["claimName"] for v in pod.get("volumes", []) if "persistentVolumeClaim" in v}
    if pvc["metadata"]["name"] not in claims:
        problem("enricher-deployment.yaml does not mount the PVC of enricher-pvc.yaml")
    if pvc["spec"].get("accessModes") != ["ReadWriteOnce"]:
        problem("enricher-pvc.yaml: the SQLite volume should be ReadWriteOnce")
    affinity = pod.get("affinity", {}).get("podAffinity", {}).get("requiredDuringSchedulingIgnoredDuringExecution", [])
    if not any(
        term.get("topologyKey") == "kubernetes.io/hostname"
        and all(labels.get(k) == v for k, v in term.get("labelSelector", {}).get("matchLabels", {}).items())
        for term in affinity
    ):
        problem("enricher-deployment.yaml: no required pod affinity that keeps the replicas on one node")

    check_kubernetes_postgres(config, partitions, deployment["metadata"]["name"])

    if scaled.get("apiVersion") != "keda.sh/v1alpha1":
        problem("enricher-keda-scaledobject.yaml: apiVersion should be keda.sh/v1alpha1")
    spec = scaled.get("spec", {})
    target = spec.get("scaleTargetRef", {})
    if target.get("name") != deployment["metadata"]["name"] or target.get("kind", "Deployment") != "Deployment":
        problem("enricher-keda-scaledobject.yaml: scaleTargetRef is not the enricher Deployment")
    low, high = spec.get("minReplicaCount", 0), spec.get("maxReplicaCount", 100)
    if not isinstance(low, int) or not isinstance(high, int) or not 0 <= low <= high:
        problem("enricher-keda-scaledobject.yaml: minReplicaCount/maxReplicaCount are not 0 <= min <= max")
    if partitions and high != partitions:
        problem(f"enricher-keda-scaledobject.yaml: maxReplicaCount {high} != the topic's {partitions} partitions")
    triggers = spec.get("triggers", [])
    if len(triggers) != 1 or triggers[0].get("type") != "kafka":
        problem("enricher-keda-scaledobject.yaml: expected one trigger of type kafka")
    else:
        metadata = triggers[0].get("metadata", {})
        for field, key in (("bootstrapServers", "AKHBAR_BROKERS"), ("topic", "AKHBAR_TOPIC"),
                           ("consumerGroup", "AKHBAR_GROUP")):
            if metadata.get(field) != config.get(key):
                problem(f"enricher-keda-scaledobject.yaml: {field} {metadata.get(field)!r} != configmap {key}")
        for field in ("lagThreshold", "allowIdleConsumers"):
            if field in metadata and not isinstance(metadata[field], str):
                problem(f"enricher-keda-scaledobject.yaml: metadata.{field} must be a string")
        if not str(metadata.get("lagThreshold", "")).isdigit():
            problem("enricher-keda-scaledobject.yaml: lagThreshold should be a whole number")


def check_readme() -> None:
    """Command lines in deploy/README.md's code blocks (with backslash continuations joined)."""
    text = (DEPLOY / "README.md").read_text(encoding="utf-8")
    for block in re.findall(r"```(?:sh|bash|console)?\n(.*?)```", text, re.S):
        for line in block.replace("\\\n", " ").splitlines():
            line = line.split(" #", 1)[0]
            try:
                words = shlex.split(line)
            except ValueError:
                continue
            for i, word in enumerate(words):
                # The program itself or a path to it, not a Kubernetes name like job/akhbar-ingest.
                if word in DECLARED or (word.startswith(("/", "./", ".build/")) and Path(word).name in DECLARED):
                    end = next((j for j in range(i + 1, len(words)) if words[j] in ("|", "&&", ";", ">")), len(words))
                    check_command("deploy/README.md", words[i:end])


# MARK: dashboards and alerts

PROMTOOL = ROOT / ".tools" / "bin" / "promtool"
# Metric names as PromQL spells them, and the suffixes Prometheus adds to histogram families.
METRIC_NAME = re.compile(r"\b((?:akhbar|grpc_server|process)_[a-z_]+)\b")
HISTOGRAM_SUFFIXES = ("_bucket", "_count", "_sum")


def exported_families() -> set[str]:
    """Every family name the Swift sources export, read from their string literals."""
    names: set[str] = set()
    for path in list((ROOT / "Services").rglob("*.swift")) + list((ROOT / "Shared").rglob("*.swift")):
        names.update(re.findall(r"\b((?:akhbar|grpc_server|process)_[a-z_]+)\b", path.read_text()))
    return names


def check_expressions(where: str, expressions: list[str], exported: set[str]) -> None:
    """Each expression names only families the programs export, and parses (promtool check rules)."""
    for expression in expressions:
        for name in METRIC_NAME.findall(expression):
            family = next((name[: -len(s)] for s in HISTOGRAM_SUFFIXES if name.endswith(s)), name)
            if name not in exported and family not in exported:
                problem(f"{where}: {name} is not a metric the programs export")
    if not PROMTOOL.exists():
        problem(f"{where}: cannot parse its queries without promtool; run scripts/setup.sh first")
        return
    # Grafana's interval variables are not PromQL; any duration stands in for them.
    rules = {"groups": [{"name": "parse-check", "rules": [
        {"record": f"check:expression_{index}", "expr": re.sub(r"\$__\w+", "5m", expression)}
        for index, expression in enumerate(expressions)
    ]}]}
    with tempfile.NamedTemporaryFile("w", suffix=".yml") as file:
        yaml.safe_dump(rules, file)
        file.flush()
        result = subprocess.run([str(PROMTOOL), "check", "rules", file.name], capture_output=True, text=True)
    if result.returncode != 0:
        problem(f"{where}: a query does not parse: {result.stdout}{result.stderr}")


def check_observability() -> None:
    exported = exported_families()
    dashboard = json.loads((DEPLOY / "grafana" / "akhbar-dashboard.json").read_text())
    targets = [target for panel in dashboard["panels"] for target in panel.get("targets", [])]
    if not targets:
        problem("grafana/akhbar-dashboard.json: no panel queries anything")
    check_expressions("grafana/akhbar-dashboard.json", [target["expr"] for target in targets], exported)
    alerts = yaml.safe_load((DEPLOY / "prometheus" / "akhbar-alerts.yml").read_text())
    rules = [rule for group in alerts["groups"] for rule in group["rules"]]
    check_expressions("prometheus/akhbar-alerts.yml", [rule["expr"] for rule in rules], exported)
    tested = (DEPLOY / "prometheus" / "akhbar-alerts.test.yml").read_text()
    for rule in rules:
        if f"alertname: {rule['alert']}" not in tested:
            problem(f"prometheus/akhbar-alerts.yml: {rule['alert']} has no test in akhbar-alerts.test.yml")


def main() -> int:
    check_dockerfile()
    check_compose()
    check_kubernetes()
    check_readme()
    check_observability()
    for notice in sorted(set(notices)):
        print(f"note: {notice}")
    for message in problems:
        print(f"error: {message}", file=sys.stderr)
    if problems:
        return 1
    print("check_deploy: the deployment files agree with the code and with each other")
    return 0


if __name__ == "__main__":
    sys.exit(main())
