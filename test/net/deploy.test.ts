// The deployment files, which cannot be run here (no Docker or Kubernetes): the manifests are checked against the
// Kubernetes API schemas, and the fields the server's behaviour relies on are checked against the server's own
// configuration: probes on the health port it serves, a headless Service on its gRPC port, only STADIUM_*
// variables it knows, a drain shorter than the grace period, a non-root user, and an image that holds every file the
// server reads from the repository at run time (protocol, WebAssembly modules, viewer page).

import t from 'tap';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { Deployment } from 'kubernetes-models/apps/v1';
import { Service } from 'kubernetes-models/v1';
import { FLAGS, envVarName, loadConfig } from '../../env-server/config.js';
import { checkPlaintext } from '../../env-server/security/tls.js';
import { PROTO_PATH } from '../../proto/load.js';
import { ALE_WASM_PATH } from '../../env-server/ale/node-loader.js';
import { SHRINK_WASM_PATH } from '../../env-server/envs/atari/resize-area.js';
import { PAGE_ROOT } from '../../env-server/viewer/viewer-server.js';
import { CLI } from '../support/spawn-server.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const read = (p: string) => readFileSync(root + p, 'utf8');
const KNOWN = new Set(Object.keys(FLAGS).map(envVarName));

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: unknown;
}

t.test('Kubernetes manifests', async (t) => {
  const deployment = YAML.parse(read('deploy/k8s/deployment.yaml'));
  const service = YAML.parse(read('deploy/k8s/service.yaml'));
  t.doesNotThrow(() => new Deployment(deployment).validate(), 'the Deployment is valid apps/v1');
  t.doesNotThrow(() => new Service(service).validate(), 'the Service is valid v1');

  const pod = deployment.spec.template.spec;
  const c = pod.containers[0];
  const env: EnvVar[] = c.env;
  t.same(env.map((e) => e.name).filter((n) => !KNOWN.has(n)), [], 'every variable is a flag of stadium serve');
  const asProcessEnv = Object.fromEntries(env.map((e) => [e.name, e.value ?? 'from-the-downward-api']));
  const config = loadConfig([], asProcessEnv);
  t.doesNotThrow(() => checkPlaintext(config.host, config.tls !== undefined, config.insecure), 'the configuration may bind every interface (it has TLS)');
  t.ok(config.authTokenFile, 'tokens are required');
  const ports = Object.fromEntries(c.ports.map((p: { name: string; containerPort: number }) => [p.name, p.containerPort]));
  t.equal(ports.grpc, config.port, 'the grpc container port is the one served');
  t.equal(ports.health, config.healthPort, 'the health container port is the plaintext health port');
  for (const probe of ['readinessProbe', 'livenessProbe']) t.equal(c[probe].grpc.port, config.healthPort, `the ${probe} asks grpc.health.v1 on the health port`);
  t.ok(pod.terminationGracePeriodSeconds * 1000 >= config.drainMs + 5000 + 5000, 'the grace period covers the drain, the 5 s call grace and a margin');
  t.ok(pod.securityContext.runAsNonRoot && c.securityContext.allowPrivilegeEscalation === false, 'not root, no escalation');
  t.ok(c.resources.requests.cpu && c.resources.requests.memory && c.resources.limits.memory, 'resource requests and a memory limit');
  const mounts = c.volumeMounts.map((m: { mountPath: string }) => m.mountPath);
  for (const file of [config.tls!.cert, config.tls!.key, config.authTokenFile!]) t.ok(mounts.some((m: string) => file.startsWith(m + '/')), `${file} is on a mounted secret`);
  // The ROM folder: the optional ConfigMap, so the manifests apply without ROMs.
  const romMount = c.volumeMounts.find((m: { mountPath: string }) => m.mountPath === config.romDir);
  t.ok(romMount, `the ROM folder ${config.romDir} is mounted`);
  const romVolume = pod.volumes.find((v: { name: string }) => v.name === romMount?.name);
  t.equal(romVolume?.configMap?.optional, true, 'from a ConfigMap the pods start without');

  t.equal(service.spec.clusterIP, 'None', 'the Service is headless: one DNS record per ready pod');
  t.same(service.spec.selector, pod.metadata?.labels ?? deployment.spec.template.metadata.labels, 'it selects the pods');
  t.equal(service.spec.ports[0].targetPort, 'grpc', 'and targets their grpc port');
  t.equal(service.spec.ports[0].port, config.port);
});

t.test('Dockerfile', async (t) => {
  const lines = read('Dockerfile').split('\n');
  const from = lines.filter((l) => l.startsWith('FROM '));
  t.ok(from.length > 0 && from.every((l) => /^FROM node:20-bookworm-slim\b/.test(l)), 'every stage is node:20-bookworm-slim');
  t.ok(lines.some((l) => /^RUN npm ci\b/.test(l)), 'installs with npm ci');
  t.ok(lines.includes('USER node'), 'runs as the unprivileged node user');
  t.ok(lines.some((l) => l === 'ENTRYPOINT ["node", "dist/env-server/cli.js", "serve"]'), 'runs stadium serve');
  const code = lines.filter((l) => !l.startsWith('#')).join('\n');
  const vars = [...code.matchAll(/\b(STADIUM_[A-Z_]+)=(\S+)/g)].map((m) => [m[1], m[2]]);
  t.same(vars.map(([n]) => n).filter((n) => !KNOWN.has(n)), [], 'sets only known STADIUM_* variables');
  const config = loadConfig([], Object.fromEntries(vars));
  const exposed = lines.find((l) => l.startsWith('EXPOSE '))!.split(/\s+/).slice(1).map(Number);
  t.same(exposed, [config.port, config.healthPort], 'exposes the gRPC and health ports it configures');
  t.throws(() => checkPlaintext(config.host, false, config.insecure), /refusing to serve plaintext/, 'plaintext is not the image default: the user chooses TLS or STADIUM_INSECURE');
});

t.test('the image holds every file the server reads from the repository at run time', async (t) => {
  const lines = read('Dockerfile').split('\n');
  const final = lines.slice(lines.map((l) => l.startsWith('FROM ')).lastIndexOf(true));
  t.ok(final.includes('WORKDIR /app'), 'the final stage works in /app');
  // COPY --from=build /app/<path> ./<path>: the repository's layout, kept.
  const copied = final.flatMap((l) => {
    const m = /^COPY --from=build \/app\/(\S+) \.\/(\S*)$/.exec(l);
    return m && m[1].replace(/\/$/, '') === m[2].replace(/\/$/, '') ? [m[1].replace(/\/$/, '')] : [];
  });
  const rel = (p: string) => relative(root, p);
  const needed = {
    'the server itself': rel(CLI),
    'the protocol it loads': rel(PROTO_PATH),
    'the emulator': rel(ALE_WASM_PATH),
    'the preprocessing kernel': rel(SHRINK_WASM_PATH),
    'the viewer page': rel(fileURLToPath(new URL('index.html', PAGE_ROOT))),
    'the viewer scripts': rel(fileURLToPath(new URL('static/viewer.js', PAGE_ROOT))),
  };
  for (const [what, file] of Object.entries(needed)) {
    t.ok(copied.some((c) => file === c || file.startsWith(c + '/')), `${what} (${file}) is copied into the image`);
  }
  const build = lines.slice(0, lines.map((l) => l.startsWith('FROM ')).lastIndexOf(true)).join('\n');
  for (const script of ['build:ts', 'build:wasm:ale', 'build:wasm:shrink']) t.match(build, `npm run ${script}`, `the build stage runs ${script}`);
  // npm run build would also build the agents' libtorch addon: the slim image has neither libtorch nor a compiler.
  t.notMatch(build, /npm run build( |$|\n|&)/, 'and not the whole build');
});

t.test('deploy/README.md documents every variable', async (t) => {
  const readme = read('deploy/README.md');
  t.same([...KNOWN].filter((v) => !readme.includes(v)), [], 'no variable is missing');
});
