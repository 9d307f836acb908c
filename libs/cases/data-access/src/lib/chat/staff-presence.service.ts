import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CHAT_SETTINGS, type ChatSettings } from './chat.settings';

export const PRESENCE_STATUSES = ['AVAILABLE', 'AWAY'] as const;
export type PresenceStatus = (typeof PRESENCE_STATUSES)[number];

export interface MemberPresence {
  personId: string;
  status: PresenceStatus;
  /** When their portal last said so; null when it never has. */
  seenAt: Date | null;
}

/**
 * Whether staff are there to answer a chat. Each member of staff is AVAILABLE or AWAY, as their portal says
 * while it is open (every minute); one whose portal stopped saying so is AWAY after `presenceSeconds`. A
 * team's availability is its members' who are available for assignment in the directory (out of office
 * otherwise) and present now.
 */
@Injectable()
export class StaffPresenceService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CHAT_SETTINGS) private readonly settings: ChatSettings,
  ) {}

  /** Records what a member of staff says of themselves now; returns it as it now reads. */
  async set(personId: string, status: PresenceStatus): Promise<MemberPresence> {
    const [row] = (await this.dataSource.query(
      `INSERT INTO staff_presence (person_id, status, seen_at) VALUES ($1, $2, now())
       ON CONFLICT (person_id) DO UPDATE SET status = EXCLUDED.status, seen_at = EXCLUDED.seen_at
       RETURNING person_id AS "personId", status, seen_at AS "seenAt"`,
      [personId, status],
    )) as MemberPresence[];
    return row!;
  }

  /** A member's presence as others see it: AWAY once it has lapsed. */
  async of(personId: string): Promise<MemberPresence> {
    const [row] = (await this.dataSource.query(
      `SELECT person_id AS "personId", ${this.currentStatus('p')} AS status, seen_at AS "seenAt"
         FROM staff_presence p WHERE person_id = $1`,
      [personId],
    )) as MemberPresence[];
    return row ?? { personId, status: 'AWAY', seenAt: null };
  }

  /** Every member of a team, with their presence, available ones first. */
  async team(teamId: string): Promise<MemberPresence[]> {
    return (await this.dataSource.query(
      `SELECT m.person_id AS "personId",
              CASE WHEN m.available THEN ${this.currentStatus('p')} ELSE 'AWAY' END AS status,
              p.seen_at AS "seenAt"
         FROM known_team_member m LEFT JOIN staff_presence p ON p.person_id = m.person_id
        WHERE m.team_id = $1
        ORDER BY status, m.person_id`,
      [teamId],
    )) as MemberPresence[];
  }

  /**
   * How many members of staff could answer a chat about a school now: present members of an active team
   * of that school or of the district's own teams (no school). Without a school, any active team's.
   */
  async availableFor(schoolId: string | null): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT count(DISTINCT m.person_id)::int AS count
         FROM known_team_member m
         JOIN known_team t ON t.id = m.team_id AND t.active
         JOIN staff_presence p ON p.person_id = m.person_id
        WHERE m.available AND ${this.currentStatus('p')} = 'AVAILABLE'
          AND ($1::uuid IS NULL OR t.school_id = $1::uuid OR t.school_id IS NULL)`,
      [schoolId],
    )) as { count: number }[];
    return row?.count ?? 0;
  }

  /** A team the directory told us of: its school (null: the district's own), and whether it has this member. */
  async teamOf(
    teamId: string,
    personId: string | null,
  ): Promise<{ schoolId: string | null; isMember: boolean } | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT t.school_id AS "schoolId",
              EXISTS (SELECT 1 FROM known_team_member m WHERE m.team_id = t.id AND m.person_id = $2::uuid) AS "isMember"
         FROM known_team t WHERE t.id = $1`,
      [teamId, personId],
    )) as { schoolId: string | null; isMember: boolean }[];
    return row;
  }

  /** The SQL of a presence row's status now: AVAILABLE only while recently said. */
  private currentStatus(alias: string): string {
    const seconds = Math.trunc(this.settings.presenceSeconds);
    return `(CASE WHEN ${alias}.status = 'AVAILABLE' AND ${alias}.seen_at > now() - interval '${seconds} seconds'
                  THEN 'AVAILABLE' ELSE 'AWAY' END)`;
  }
}
