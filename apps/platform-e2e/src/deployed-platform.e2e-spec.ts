import { createTransport } from 'nodemailer';
import { clientCredentialsToken, waitUntil } from '@homeroom/platform/testing';
// The images, chart and podman cluster are the repository's tools, as the portal's server is.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { podman } from '../../../tools/images/podman';
import { apiClient, type Json } from './support/api-client';
import {
  deployPlatform,
  PUBLIC_URL,
  routePublicOrigin,
  signInAdministrator,
  type DeployedPlatform,
} from './support/deployed-platform';

const FAMILY_EMAIL = 'deployed.family@family.test';
const VENDOR = { id: 'demo-vendor', secret: 'demo-vendor-secret' };

/**
 * Homeroom installed from its images and Helm chart (support/deployed-platform.ts): a district's staff, a
 * vendor and families use it through the public origin; then each service's pod is deleted or killed in
 * the middle of a flow while a second replica of cases and slas runs on another node, and nothing is lost
 * or doubled. The Ingress is played by rewriting the public origin to the gateway's pod (below).
 */
describe('Homeroom deployed from its images and chart', () => {
  let platform: DeployedPlatform;
  let api: ReturnType<typeof apiClient>;
  let adminToken: string;
  let schoolId: string;
  let restoreFetch: () => void = () => undefined;

  beforeAll(async () => {
    platform = await deployPlatform({ log: (line) => process.stdout.write(`[deployed] ${line}\n`) });
    restoreFetch = routePublicOrigin(platform.gatewayUrl);
    api = apiClient(platform.gatewayUrl);
    adminToken = await signInAdministrator();
    schoolId = data(await api('{ schools(first: 1) { edges { node { id } } } }')).schools.edges[0].node.id;
  }, 1_500_000);

  afterAll(async () => {
    restoreFetch();
    await platform?.stop();
  }, 120_000);

  const data = (response: { status: number; body: Json }) => {
    if (response.body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(response.body.errors)}`);
    return response.body.data;
  };

  const submitInquiry = async (subject: string, email = FAMILY_EMAIL) =>
    api('mutation($input: SubmitInquiryInput!) { submitInquiry(input: $input) { caseNumber } }', {
      input: {
        schoolId,
        subject,
        message: `${subject}: the family asks the school to call back.`,
        requester: { name: 'Deployed Family', email },
      },
    });

  /** The cases whose subject holds `word`, as staff search them. */
  const casesMatching = async (word: string): Promise<Json[]> =>
    data(
      await api(
        'query($search: String!) { cases(filter: { search: $search }, first: 50) { edges { node { id number subject status sla { firstResponse { status } } } } } }',
        { search: word },
        { token: adminToken },
      ),
    ).cases.edges.map((edge: Json) => edge.node);

  it('runs every image as a non-root user on a read-only root filesystem, labelled with its source', async () => {
    const { stdout } = await podman(['ps', '--filter', 'name=^homeroom-', '--format', '{{.Names}}']);
    const containers = stdout
      .trim()
      .split('\n')
      .filter((name) => !name.endsWith('-infra'));
    expect(containers.length).toBeGreaterThanOrEqual(8);
    for (const container of containers) {
      const { stdout: inspected } = await podman([
        'inspect',
        '--format',
        '{{.Config.User}} {{.HostConfig.ReadonlyRootfs}}',
        container,
      ]);
      expect(inspected.trim()).toBe('10001:10001 true');
    }
    for (const image of platform.images.filter((built) => !['postgresql', 'kafka'].includes(built.name))) {
      const { stdout: labels } = await podman([
        'image',
        'inspect',
        '--format',
        '{{json .Labels}}',
        image.reference,
      ]);
      const parsed = JSON.parse(labels) as Record<string, string>;
      expect(parsed['org.opencontainers.image.version']).toMatch(/^\d+\.\d+\.\d+/);
      expect(parsed['org.opencontainers.image.revision']).toMatch(/^[0-9a-f]{40}/);
    }
  });

  it('serves the portal from its image: the runtime config names the public origin, hashed bundles are cached', async () => {
    const config = await fetch(`${platform.portalUrl}/config.json`);
    expect(await config.json()).toEqual({ apiOrigin: PUBLIC_URL });
    const index = await fetch(`${platform.portalUrl}/cases/anything`);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await index.text();
    const bundle = /src="(main-[A-Za-z0-9]+\.js)"/.exec(html)?.[1];
    expect(bundle).toBeDefined();
    const asset = await fetch(`${platform.portalUrl}/${bundle}`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('gives a vendor a token by client credentials and answers its query through the gateway', async () => {
    const token = await clientCredentialsToken(
      `${PUBLIC_URL}/auth`,
      VENDOR.id,
      VENDOR.secret,
      'directory:read',
    );
    expect(token.status).toBe(200);
    const schools = data(
      await api('{ schools(first: 20) { totalCount } }', {}, { token: token.body['access_token'] }),
    ).schools;
    expect(schools.totalCount).toBe(12);
  });

  it('takes a family inquiry and an email through the SMTP intake, each a case with its SLA timers', async () => {
    const inquiry = data(await submitInquiry('Deployedwebform bus question')).submitInquiry;
    expect(inquiry.caseNumber).toMatch(/^HR-\d{4}-\d+$/);
    const mailer = createTransport({ ...platform.smtp, secure: false, ignoreTLS: true });
    await mailer.sendMail({
      from: `Deployed Family <${FAMILY_EMAIL}>`,
      to: 'talk@homeroom.test',
      subject: 'Deployedemail lunch balance',
      text: 'Our lunch account shows a negative balance after we paid. Could someone check?',
    });
    for (const word of ['Deployedwebform', 'Deployedemail']) {
      await waitUntil(
        `the ${word} case with its first-response timer`,
        async () => {
          const [found] = await casesMatching(word);
          return found?.sla?.firstResponse?.status === 'RUNNING';
        },
        { timeoutMs: 60_000, intervalMs: 500 },
      );
      expect(await casesMatching(word)).toHaveLength(1);
    }
  });

  it('mails a satisfaction survey once the case is resolved', async () => {
    const [found] = await casesMatching('Deployedwebform');
    data(
      await api(
        'mutation($id: ID!) { setCaseStatus(caseId: $id, status: RESOLVED) { status } }',
        { id: found.id },
        { token: adminToken },
      ),
    );
    let token: string | undefined;
    await waitUntil(
      'the survey invitation',
      () => {
        const invitation = platform.mail
          .messages()
          .find(
            (message) => message.to.includes(FAMILY_EMAIL) && /\/s\/[A-Za-z0-9_-]+/.test(message.text ?? ''),
          );
        token = /\/s\/([A-Za-z0-9_-]+)/.exec(invitation?.text ?? '')?.[1];
        return Boolean(token);
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    const survey = data(
      await api('query($token: String!) { surveyByToken(token: $token) { caseNumber } }', { token }),
    ).surveyByToken;
    expect(survey.caseNumber).toBe(found.number);
  });

  describe.each([
    ['cases', 'deleted', 'Podcasesdeleted'],
    ['slas', 'killed', 'Podslaskilled'],
    ['surveys', 'killed', 'Podsurveyskilled'],
    ['directory', 'deleted', 'Poddirectorydeleted'],
  ] as const)('when the %s pod is %s mid-flow', (app, how, word) => {
    it('loses and doubles nothing: every accepted inquiry is one case with its timers, every resolution one survey', async () => {
      const accepted: string[] = [];
      // One family per inquiry: each survey invitation is told apart by its address.
      const familyOf = (index: number) => `family.${word.toLowerCase()}.${index}@family.test`;
      const submitSeveral = async (from: number, count: number) => {
        for (let index = from; index < from + count; index++) {
          // A family whose request fails (the pod is gone) tries again, as the portal lets them.
          await waitUntil(
            `inquiry ${index} accepted`,
            async () => {
              const response = await submitInquiry(`${word} ${index}`, familyOf(index)).catch(
                () => undefined,
              );
              const number = response?.body?.data?.submitInquiry?.caseNumber;
              if (number) accepted.push(number);
              return Boolean(number);
            },
            { timeoutMs: 120_000, intervalMs: 500 },
          );
        }
      };
      await submitSeveral(0, 3);
      const disruption = (async () => {
        const name = platform.deployments[app]!;
        if (how === 'killed') await platform.cluster.killPod(name);
        else await platform.cluster.deletePod(name);
        await platform.cluster.replacePod(name);
      })();
      await submitSeveral(3, 3);
      await disruption;
      await platform.waitReady(app);
      await submitSeveral(6, 2);

      let found: Json[] = [];
      await waitUntil(
        `all ${accepted.length} cases with their timers`,
        async () => {
          found = await casesMatching(word);
          return (
            found.length >= accepted.length &&
            found.every((item) => item.sla?.firstResponse?.status === 'RUNNING')
          );
        },
        { timeoutMs: 120_000, intervalMs: 1_000 },
      );
      expect(found.map((item) => item.number).sort()).toEqual([...accepted].sort());

      // Resolving each sends exactly one invitation, whatever restarted in between.
      const resolved = found.filter((item) => /\s[0-2]$/.test(item.subject));
      expect(resolved).toHaveLength(3);
      for (const item of resolved)
        data(
          await api(
            'mutation($id: ID!) { setCaseStatus(caseId: $id, status: RESOLVED) { status } }',
            { id: item.id },
            { token: adminToken },
          ),
        );
      const invitationsFor = (index: number) =>
        platform.mail
          .messages()
          .filter(
            (message) =>
              message.to.includes(familyOf(index)) && /\/s\/[A-Za-z0-9_-]+/.test(message.text ?? ''),
          ).length;
      await waitUntil('three invitations', () => [0, 1, 2].every((index) => invitationsFor(index) >= 1), {
        timeoutMs: 90_000,
        intervalMs: 500,
      });
      // Long enough for a redelivered event to have sent a second one.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      for (const index of [0, 1, 2]) expect(invitationsFor(index)).toBe(1);
    }, 600_000);
  });

  it('keeps two replicas of cases and slas working side by side', async () => {
    const memory = await platform.cluster.memory();
    // Reported, not asserted (benchmarks measure; tests check behaviour): each container's resident memory.
    const total = [...memory.values()].reduce((sum, mib) => sum + mib, 0);
    process.stdout.write(
      `[deployed] memory (MiB): ${[...memory].map(([name, mib]) => `${name} ${mib.toFixed(0)}`).join(', ')}; all ${total.toFixed(0)}\n`,
    );
    process.stdout.write(`[deployed] start to ready (s): ${JSON.stringify(platform.startSeconds)}\n`);
    expect([...memory.keys()].some((name) => name.startsWith(`${platform.deployments['cases']}-b-`))).toBe(
      true,
    );
    expect([...memory.keys()].some((name) => name.startsWith(`${platform.deployments['slas']}-b-`))).toBe(
      true,
    );
    await platform.waitReady('cases', platform.secondary, 5_000);
    await platform.waitReady('slas', platform.secondary, 5_000);
  });
});
