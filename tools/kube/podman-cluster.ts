/**
 * A small stand-in for a Kubernetes cluster on one machine, made of what this machine has: podman's
 * `kube play`, network namespaces as nodes, and a bridge between them. The chart's rendered objects are
 * played as Kubernetes would run them, with these differences, each because podman has no such part:
 *
 * - Nodes are network namespaces (`ip netns`) on one bridge; a pod shares its node's network
 *   (`hostNetwork`), so one replica of each app per node, as with a DaemonSet.
 * - Services are names in each node's /etc/hosts: the pods of the node that runs them (as kube-proxy sends
 *   a Service's traffic to a ready endpoint). Ingress, NetworkPolicy, PodDisruptionBudget and the
 *   autoscaler are not played (the chart's own tests validate them).
 * - Probes are left out (podman runs them from systemd timers, which this machine has not); the caller
 *   waits for readiness itself. A Job (a Helm hook) runs as a pod that must exit 0.
 * - A killed pod is replaced by playing its Deployment again, as its ReplicaSet would.
 * - Secrets become podman secrets, which `kube play` resolves for secretKeyRef.
 * - podman makes an emptyDir a named volume, shared by every pod that names it alike: each pod's are
 *   renamed after the pod, so that no two pods share a /tmp.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { runCommand, waitUntil } from '@homeroom/platform/local-stack';
import { podman, podmanEnv } from '../images/podman';

/** Rendered manifests are read as loose JSON: the chart's schema tests vouch for their shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
export type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; [key: string]: Loose };
  [key: string]: Loose;
};

export interface ClusterNode {
  name: string;
  /** The node's address on the bridge: the caller (the test) reaches the node's pods there. */
  address: string;
}

const NOT_PLAYED = new Set(['Ingress', 'NetworkPolicy', 'PodDisruptionBudget', 'HorizontalPodAutoscaler']);

export class PodmanCluster {
  private readonly played = new Map<string, { node: ClusterNode; file: string }>();
  private readonly secrets: string[] = [];
  /** Service name → the node whose pods serve it. */
  private readonly services = new Map<string, ClusterNode>();

  private constructor(
    readonly name: string,
    readonly nodes: ClusterNode[],
    /** The bridge's own address: the caller's services (a mail relay) listen there for the pods. */
    readonly hostAddress: string,
    private readonly workDir: string,
  ) {}

  /** A bridge `<name>0` on 10.<subnet>.0.1/24 and `nodeCount` namespaces at .2, .3, … */
  static async create({
    name,
    nodeCount,
    subnet,
    workDir,
  }: {
    name: string;
    nodeCount: number;
    subnet: number;
    workDir: string;
  }): Promise<PodmanCluster> {
    const bridge = `${name}0`;
    const prefix = `10.${subnet}.0`;
    await PodmanCluster.removeNetwork(name, nodeCount);
    // What an interrupted run left: the project's podman store (tools/images/storage.conf) is the cluster's.
    await podman(['pod', 'rm', '--force', '--all']);
    await podman(['volume', 'prune', '--force']);
    await ip(['link', 'add', bridge, 'type', 'bridge']);
    await ip(['addr', 'add', `${prefix}.1/24`, 'dev', bridge]);
    await ip(['link', 'set', bridge, 'up']);
    const nodes: ClusterNode[] = [];
    for (let index = 1; index <= nodeCount; index++) {
      const node = { name: `${name}-node${index}`, address: `${prefix}.${index + 1}` };
      await ip(['netns', 'add', node.name]);
      await ip([
        'link',
        'add',
        `${name}v${index}`,
        'type',
        'veth',
        'peer',
        'name',
        'eth0',
        'netns',
        node.name,
      ]);
      await ip(['link', 'set', `${name}v${index}`, 'master', bridge, 'up']);
      await ip(['-n', node.name, 'addr', 'add', `${node.address}/24`, 'dev', 'eth0']);
      await ip(['-n', node.name, 'link', 'set', 'eth0', 'up']);
      await ip(['-n', node.name, 'link', 'set', 'lo', 'up']);
      nodes.push(node);
    }
    rmSync(workDir, { recursive: true, force: true });
    mkdirSync(workDir, { recursive: true });
    return new PodmanCluster(name, nodes, `${prefix}.1`, workDir);
  }

  private static async removeNetwork(name: string, nodeCount: number): Promise<void> {
    for (let index = 1; index <= nodeCount; index++) {
      await ip(['netns', 'delete', `${name}-node${index}`]).catch(() => undefined);
      await ip(['link', 'delete', `${name}v${index}`]).catch(() => undefined);
    }
    await ip(['link', 'delete', `${name}0`]).catch(() => undefined);
  }

  /** As `kubectl create secret generic NAME --from-literal=KEY=VALUE…`. */
  async createSecret(name: string, data: Record<string, string>): Promise<void> {
    await podman(['secret', 'rm', name]).catch(() => undefined);
    const file = join(this.workDir, `secret-${name}.json`);
    // kube play reads a podman secret as a JSON map of base64 values (a Secret's `data`).
    writeFileSync(
      file,
      JSON.stringify(
        Object.fromEntries(
          Object.entries(data).map(([key, value]) => [key, Buffer.from(value).toString('base64')]),
        ),
      ),
    );
    await podman(['secret', 'create', name, file]);
    rmSync(file);
    this.secrets.push(name);
  }

  /** Where each Service's pods run; every node's /etc/hosts names them. */
  exposeServices(objects: K8sObject[], node: ClusterNode): void {
    for (const object of objects)
      if (object.kind === 'Service') this.services.set(object.metadata.name, node);
  }

  /** Plays the ConfigMaps and Deployments among `objects` on `node`; `suffix` names a second replica. */
  async apply(objects: K8sObject[], node: ClusterNode, { suffix = '' } = {}): Promise<string[]> {
    const configMaps = objects.filter((object) => object.kind === 'ConfigMap');
    const deployments = objects.filter((object) => object.kind === 'Deployment');
    const unknown = objects.filter(
      (object) =>
        !['ConfigMap', 'Deployment', 'Service', 'Secret', 'Job'].includes(object.kind) &&
        !NOT_PLAYED.has(object.kind),
    );
    if (unknown.length > 0) throw new Error(`cannot play ${unknown.map((object) => object.kind).join(', ')}`);
    const names: string[] = [];
    for (const deployment of deployments) {
      const name = `${deployment.metadata.name}${suffix}`;
      const played: K8sObject = {
        ...deployment,
        metadata: { ...deployment.metadata, name },
        spec: { ...deployment.spec, replicas: 1, template: podTemplate(deployment.spec.template, name) },
      };
      await this.play(name, [...configMaps, played], node);
      names.push(name);
    }
    return names;
  }

  /** Runs a Job's pod to completion on `node` (a Helm hook, a one-off command); rejects unless it exits 0. */
  async runJob(
    job: K8sObject,
    node: ClusterNode,
    { timeoutMs = 300_000, configMaps = [] as K8sObject[] } = {},
  ): Promise<string> {
    const pod: K8sObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: job.metadata.name, labels: job.spec.template.metadata?.labels ?? {} },
      spec: { ...podTemplate(job.spec.template, job.metadata.name).spec, restartPolicy: 'Never' },
    };
    await this.play(job.metadata.name, [...configMaps, pod], node);
    const containers = pod.spec.containers.map(
      (container: { name: string }) => `${job.metadata.name}-${container.name}`,
    );
    let exitCodes: number[] = [];
    await waitUntil(
      `job ${job.metadata.name}`,
      async () => {
        const { stdout } = await podman([
          'inspect',
          '--format',
          '{{.State.Status}} {{.State.ExitCode}}',
          ...containers,
        ]);
        const states = stdout
          .trim()
          .split('\n')
          .map((line) => line.split(' '));
        exitCodes = states.map(([, code]) => Number(code));
        return states.every(([status]) => status === 'exited');
      },
      { timeoutMs, intervalMs: 500 },
    );
    const logs = (await Promise.all(containers.map((container: string) => this.logs(container)))).join('\n');
    await this.remove(job.metadata.name);
    if (exitCodes.some((code) => code !== 0)) throw new Error(`job ${job.metadata.name} failed:\n${logs}`);
    return logs;
  }

  /** The container's output so far (stdout and stderr). */
  async logs(container: string): Promise<string> {
    const { stdout, stderr } = await podman(['logs', container]).catch((error: Error) => ({
      stdout: error.message,
      stderr: '',
    }));
    return `${stdout}${stderr}`;
  }

  /** Deletes a played Deployment's pod (SIGTERM, then SIGKILL after the grace period), as `kubectl delete pod`. */
  async deletePod(name: string, { graceSeconds = 30 } = {}): Promise<void> {
    await podman(['pod', 'stop', '--time', String(graceSeconds), `${name}-pod-0`]);
    await this.remove(name);
  }

  /** Kills a played Deployment's pod at once (a node failure, the OOM killer). */
  async killPod(name: string): Promise<void> {
    await podman(['pod', 'kill', '--signal', 'KILL', `${name}-pod-0`]);
    await this.remove(name);
  }

  /** Its ReplicaSet's answer to a deleted pod: the same Deployment played again on the same node. */
  async replacePod(name: string): Promise<void> {
    const played = this.played.get(name);
    if (!played) throw new Error(`${name} was never played`);
    await this.kubePlay(played.file, played.node);
  }

  /** The resident memory of each played pod's containers, in MiB (as `kubectl top pod`). */
  async memory(): Promise<Map<string, number>> {
    const { stdout } = await podman([
      'stats',
      '--no-stream',
      '--no-reset',
      '--format',
      '{{.Name}}\t{{.MemUsage}}',
    ]);
    const usage = new Map<string, number>();
    for (const line of stdout.trim().split('\n')) {
      const [name = '', memory = ''] = line.split('\t');
      const match = /^([\d.]+)([kMG]i?B)/.exec(memory);
      if (!match || name.endsWith('-infra')) continue;
      const factor = match[2]?.startsWith('k') ? 1 / 1024 : match[2]?.startsWith('G') ? 1024 : 1;
      usage.set(name, Number(match[1]) * factor);
    }
    return usage;
  }

  async destroy(): Promise<void> {
    for (const name of [...this.played.keys()].reverse()) await this.remove(name).catch(() => undefined);
    for (const secret of this.secrets) await podman(['secret', 'rm', secret]).catch(() => undefined);
    // The pods' emptyDirs and ConfigMap volumes (podman keeps them after `kube down`); the project's podman
    // store holds no other volumes.
    await podman(['volume', 'prune', '-f']).catch(() => undefined);
    await PodmanCluster.removeNetwork(this.name, this.nodes.length);
    rmSync(this.workDir, { recursive: true, force: true });
  }

  private async play(name: string, objects: K8sObject[], node: ClusterNode): Promise<void> {
    const file = join(this.workDir, `${name}.yaml`);
    writeFileSync(file, objects.map((object) => stringify(object)).join('---\n'));
    this.played.set(name, { node, file });
    await this.kubePlay(file, node);
  }

  private async remove(name: string): Promise<void> {
    const played = this.played.get(name);
    if (played) await podman(['kube', 'down', played.file]).catch(() => undefined);
  }

  /** `podman kube play` inside the node's network, with the node's /etc/hosts naming the Services. */
  private async kubePlay(file: string, node: ClusterNode): Promise<void> {
    const hosts = join(this.workDir, `hosts-${node.name}`);
    const lines = ['127.0.0.1 localhost', `${node.address} ${node.name}`];
    for (const [service, serving] of this.services)
      lines.push(`${serving === node ? '127.0.0.1' : serving.address} ${service}`);
    writeFileSync(hosts, `${lines.join('\n')}\n`);
    // A private mount namespace shows podman that /etc/hosts (it copies it into each container); `nsenter
    // --net` (not `ip netns exec`, which remounts /sys and hides the cgroups) puts the pods on the node.
    await runCommand(
      'unshare',
      [
        '--mount',
        '--propagation',
        'slave',
        'sh',
        '-c',
        'mount --bind "$1" /etc/hosts && exec nsenter --net="/var/run/netns/$2" podman kube play "$3"',
        'kube-play',
        hosts,
        node.name,
        file,
      ],
      { env: podmanEnv() },
    );
  }
}

/** A pod template as podman plays it: on its node's network, without probes or port mappings, with its own emptyDirs. */
function podTemplate(template: K8sObject['spec'], podName: string): K8sObject['spec'] {
  const emptyDirs = new Set<string>(
    (template.spec.volumes ?? [])
      .filter((volume: K8sObject['spec']) => volume.emptyDir)
      .map((volume: K8sObject['spec']) => volume.name),
  );
  const own = (name: string) => (emptyDirs.has(name) ? `${podName}-${name}` : name);
  const adapt = (container: Record<string, unknown>) => {
    // Ports are the node's own on its network (podman maps declared ports only on a bridge).
    const { startupProbe: _s, livenessProbe: _l, readinessProbe: _r, ports: _p, ...rest } = container;
    const mounts = (rest['volumeMounts'] as { name: string }[] | undefined)?.map((mount) => ({
      ...mount,
      name: own(mount.name),
    }));
    return mounts ? { ...rest, volumeMounts: mounts } : rest;
  };
  return {
    ...template,
    spec: {
      ...template.spec,
      hostNetwork: true,
      containers: template.spec.containers.map(adapt),
      ...(template.spec.initContainers ? { initContainers: template.spec.initContainers.map(adapt) } : {}),
      ...(template.spec.volumes
        ? {
            volumes: template.spec.volumes.map((volume: { name: string }) => ({
              ...volume,
              name: own(volume.name),
            })),
          }
        : {}),
    },
  };
}

function ip(args: string[]) {
  return runCommand('ip', args);
}
