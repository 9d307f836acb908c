import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { InvalidInputException, NotFoundException } from '@homeroom/shared/errors';
import { inTransaction } from '@homeroom/platform/database';
import { OutboxWriter } from '@homeroom/platform/messaging';
import { TeamChanged } from '@homeroom/directory/contracts';
import { DIRECTORY_REASONS } from '@homeroom/directory/domain';
import { DepartmentEntity, PersonEntity, SchoolEntity, TeamEntity, TeamMemberEntity } from '../entities';

export interface TeamInput {
  name: string;
  schoolId?: string | null;
  departmentId?: string | null;
}

/** A team's changes: an omitted field (or a null name) stays as it is; a null school or department is none. */
export interface TeamPatch {
  name?: string | null;
  schoolId?: string | null;
  departmentId?: string | null;
}

export interface TeamMemberInput {
  personId: string;
  available?: boolean;
  outOfOfficeUntil?: Date | null;
}

/** Where a team not yet created stands: nowhere, so every school and department it names is checked. */
const NOWHERE = { schoolId: null, departmentId: null };

@Injectable()
export class TeamService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  /** A new team, at a school and department that exist (the department the district's or the school's). */
  create(input: TeamInput, members: readonly TeamMemberInput[] = []): Promise<TeamEntity> {
    return inTransaction(this.dataSource, async (manager) => {
      const name = input.name.trim();
      if (!name) {
        throw new InvalidInputException('A team needs a name', [{ path: 'name', message: 'required' }]);
      }
      const schoolId = input.schoolId ?? null;
      const departmentId = input.departmentId ?? null;
      await this.checkPlace(manager, NOWHERE, schoolId, departmentId);
      const team = manager.create(TeamEntity, { name, schoolId, departmentId, active: true });
      await manager.save(team);
      await this.replaceMembers(manager, team.id, members);
      await this.publish(manager, team);
      return team;
    });
  }

  /** Replaces the team's members (with availability and out-of-office). */
  setMembers(teamId: string, members: readonly TeamMemberInput[]): Promise<TeamEntity> {
    return inTransaction(this.dataSource, async (manager) => {
      const team = await this.lockedOrFail(manager, teamId);
      await this.replaceMembers(manager, teamId, members);
      await this.publish(manager, team);
      return team;
    });
  }

  /**
   * Renames a team or moves it to another school or department (the department must be the district's or
   * the team's school's). Publishes TeamChanged when something changed.
   */
  update(id: string, patch: TeamPatch): Promise<TeamEntity> {
    return inTransaction(this.dataSource, async (manager) => {
      const team = await this.lockedOrFail(manager, id);
      const name = patch.name === undefined || patch.name === null ? team.name : patch.name.trim();
      if (!name) {
        throw new InvalidInputException('A team needs a name', [{ path: 'name', message: 'required' }]);
      }
      const schoolId = patch.schoolId === undefined ? team.schoolId : patch.schoolId;
      const departmentId = patch.departmentId === undefined ? team.departmentId : patch.departmentId;
      const moved = schoolId !== team.schoolId || departmentId !== team.departmentId;
      if (moved) await this.checkPlace(manager, team, schoolId, departmentId);
      if (!moved && name === team.name) return team;
      Object.assign(team, { name, schoolId, departmentId });
      await manager.save(team);
      await this.publish(manager, team);
      return team;
    });
  }

  /**
   * An inactive team keeps its members and history; its TeamChanged snapshot says inactive, so routing
   * passes over the rules that would send cases to it.
   */
  deactivate(id: string): Promise<TeamEntity> {
    return this.setActive(id, false);
  }

  reactivate(id: string): Promise<TeamEntity> {
    return this.setActive(id, true);
  }

  /** Teams by name, of one school when schoolId is given; the inactive ones too when asked. */
  list(schoolId?: string | null, includeInactive = false): Promise<TeamEntity[]> {
    return this.dataSource.getRepository(TeamEntity).find({
      where: { ...(includeInactive ? {} : { active: true }), ...(schoolId ? { schoolId } : {}) },
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

  private setActive(id: string, active: boolean): Promise<TeamEntity> {
    return inTransaction(this.dataSource, async (manager) => {
      const team = await this.lockedOrFail(manager, id);
      if (team.active === active) return team;
      team.active = active;
      await manager.save(team);
      await this.publish(manager, team);
      return team;
    });
  }

  private async lockedOrFail(manager: EntityManager, id: string): Promise<TeamEntity> {
    const team = await manager.findOne(TeamEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!team) throw new NotFoundException('Team');
    return team;
  }

  /** A new school must exist; a new department must be active, and the district's or the school's. */
  private async checkPlace(
    manager: EntityManager,
    team: Pick<TeamEntity, 'schoolId' | 'departmentId'>,
    schoolId: string | null,
    departmentId: string | null,
  ): Promise<void> {
    if (schoolId && schoolId !== team.schoolId && !(await manager.existsBy(SchoolEntity, { id: schoolId }))) {
      throw new InvalidInputException(
        'No such school',
        [{ path: 'schoolId', message: 'unknown school' }],
        DIRECTORY_REASONS.unknownSchool,
      );
    }
    if (!departmentId) return;
    const department = await manager.findOneBy(DepartmentEntity, { id: departmentId });
    if (!department || (!department.active && departmentId !== team.departmentId)) {
      throw new InvalidInputException(
        'No such department',
        [{ path: 'departmentId', message: 'unknown department' }],
        DIRECTORY_REASONS.unknownDepartment,
      );
    }
    if (department.schoolId && department.schoolId !== schoolId) {
      throw new InvalidInputException(
        "The department is another school's",
        [{ path: 'departmentId', message: "neither the district's nor the team's school's" }],
        DIRECTORY_REASONS.departmentOfAnotherSchool,
      );
    }
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
