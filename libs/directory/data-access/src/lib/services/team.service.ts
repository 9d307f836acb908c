import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { InvalidInputException, NotFoundException } from '@homeroom/shared/errors';
import { inTransaction } from '@homeroom/platform/database';
import { OutboxWriter } from '@homeroom/platform/messaging';
import { TeamChanged } from '@homeroom/directory/contracts';
import { PersonEntity, TeamEntity, TeamMemberEntity } from '../entities';

export interface TeamInput {
  name: string;
  schoolId?: string | null;
  departmentId?: string | null;
}

export interface TeamMemberInput {
  personId: string;
  available?: boolean;
  outOfOfficeUntil?: Date | null;
}

@Injectable()
export class TeamService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  create(input: TeamInput, members: readonly TeamMemberInput[] = []): Promise<TeamEntity> {
    return inTransaction(this.dataSource, async (manager) => {
      const team = manager.create(TeamEntity, {
        name: input.name.trim(),
        schoolId: input.schoolId ?? null,
        departmentId: input.departmentId ?? null,
        active: true,
      });
      await manager.save(team);
      await this.replaceMembers(manager, team.id, members);
      await this.publish(manager, team);
      return team;
    });
  }

  /** Replaces the team's members (with availability and out-of-office). */
  setMembers(teamId: string, members: readonly TeamMemberInput[]): Promise<TeamEntity> {
    return inTransaction(this.dataSource, async (manager) => {
      const team = await manager.findOne(TeamEntity, {
        where: { id: teamId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!team) throw new NotFoundException('Team');
      await this.replaceMembers(manager, teamId, members);
      await this.publish(manager, team);
      return team;
    });
  }

  list(schoolId?: string | null): Promise<TeamEntity[]> {
    return this.dataSource.getRepository(TeamEntity).find({
      where: { active: true, ...(schoolId ? { schoolId } : {}) },
      order: { name: 'ASC', id: 'ASC' },
    });
  }

  findByIds(ids: readonly string[]): Promise<TeamEntity[]> {
    return ids.length
      ? this.dataSource.getRepository(TeamEntity).findBy({ id: In([...ids]) })
      : Promise.resolve([]);
  }

  members(teamIds: readonly string[]): Promise<TeamMemberEntity[]> {
    return teamIds.length
      ? this.dataSource.getRepository(TeamMemberEntity).findBy({ teamId: In([...teamIds]) })
      : Promise.resolve([]);
  }

  private async replaceMembers(
    manager: EntityManager,
    teamId: string,
    members: readonly TeamMemberInput[],
  ): Promise<void> {
    const ids = [...new Set(members.map((m) => m.personId))];
    const staff = ids.length
      ? await manager.findBy(PersonEntity, { id: In(ids), kind: 'STAFF', active: true })
      : [];
    if (staff.length !== ids.length) {
      throw new InvalidInputException(
        'Team members must be active staff',
        [{ path: 'members', message: 'unknown or not staff' }],
        'NOT_STAFF',
      );
    }
    await manager.delete(TeamMemberEntity, { teamId });
    if (members.length) {
      await manager.insert(
        TeamMemberEntity,
        members.map((m) => ({
          teamId,
          personId: m.personId,
          available: m.available ?? true,
          outOfOfficeUntil: m.outOfOfficeUntil ?? null,
        })),
      );
    }
  }

  private async publish(manager: EntityManager, team: TeamEntity): Promise<void> {
    const members = await manager.findBy(TeamMemberEntity, { teamId: team.id });
    const now = Date.now();
    await this.outbox.append(manager, TeamChanged, {
      aggregateId: team.id,
      data: {
        teamId: team.id,
        name: team.name,
        schoolId: team.schoolId,
        active: team.active,
        members: members.map((m) => ({
          personId: m.personId,
          available: m.available && !(m.outOfOfficeUntil && m.outOfOfficeUntil.getTime() > now),
        })),
      },
    });
  }
}
