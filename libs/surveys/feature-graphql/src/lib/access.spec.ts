import { staffPrincipal } from '@homeroom/platform/auth';
import { ForbiddenException } from '@homeroom/shared/errors';
import { agentFiguresScope } from './access';

describe('whose cases a caller counts per agent (satisfactionAgentTrends)', () => {
  const agent = staffPrincipal('agent-1', { role: 'AGENT', schoolId: 'school-a' });

  it('gives any staff member their own figures over every case assigned to them', () => {
    expect(agentFiguresScope(agent, 'agent-1')).toEqual({ schoolIds: null, agentId: 'agent-1' });
    const viewer = staffPrincipal('viewer-1', { role: 'VIEWER', schoolId: 'school-a' });
    expect(agentFiguresScope(viewer, 'viewer-1')).toEqual({ schoolIds: null, agentId: 'viewer-1' });
  });

  it("gives readers every agent, over their schools' cases or, district-wide, every case", () => {
    const admin = staffPrincipal('admin-1', { role: 'SCHOOL_ADMIN', schoolId: 'school-a' });
    expect(agentFiguresScope(admin, null)).toEqual({ schoolIds: ['school-a'], agentId: null });
    expect(agentFiguresScope(admin, 'agent-1')).toEqual({ schoolIds: ['school-a'], agentId: 'agent-1' });
    const districtViewer = staffPrincipal('viewer-2', { role: 'VIEWER', schoolId: null });
    expect(agentFiguresScope(districtViewer, null)).toEqual({ schoolIds: null, agentId: null });
    const client = { kind: 'client' as const, subject: 'agent-1', scopes: ['surveys:read'] };
    expect(agentFiguresScope(client, 'agent-1')).toEqual({ schoolIds: null, agentId: 'agent-1' });
  });

  it("refuses an agent anyone else's figures, or everyone's, with a stable reason", () => {
    for (const agentId of ['agent-2', null]) {
      let refused: unknown;
      try {
        agentFiguresScope(agent, agentId);
      } catch (error) {
        refused = error;
      }
      expect(refused).toBeInstanceOf(ForbiddenException);
      expect(refused).toMatchObject({ code: 'FORBIDDEN', reason: 'OWN_FIGURES_ONLY' });
    }
  });
});
