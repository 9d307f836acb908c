import { eventHandler } from '@homeroom/platform/messaging';
import { TeamChanged } from '@homeroom/directory/contracts';

/**
 * The directory's teams as their last snapshot describes them (name, school, active), who is in each and
 * available now, for round-robin routing, and which teams the directory has deactivated, for routing to
 * pass over; TeamChanged is a full snapshot.
 */
export const TEAM_READ_MODEL = [
  eventHandler(TeamChanged, async ({ data }, manager) => {
    await manager.query(
      `INSERT INTO known_team (id, name, school_id, active) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, school_id = EXCLUDED.school_id, active = EXCLUDED.active, updated_at = now()`,
      [data.teamId, data.name, data.schoolId, data.active],
    );
    if (data.active) await manager.query('DELETE FROM retired_team WHERE team_id = $1', [data.teamId]);
    else
      await manager.query('INSERT INTO retired_team (team_id) VALUES ($1) ON CONFLICT DO NOTHING', [
        data.teamId,
      ]);
    await manager.query('DELETE FROM known_team_member WHERE team_id = $1', [data.teamId]);
    if (!data.active || data.members.length === 0) return;
    await manager.query(
      'INSERT INTO known_team_member (team_id, person_id, available) SELECT $1, * FROM unnest($2::uuid[], $3::boolean[])',
      [data.teamId, data.members.map((m) => m.personId), data.members.map((m) => m.available)],
    );
  }),
];
