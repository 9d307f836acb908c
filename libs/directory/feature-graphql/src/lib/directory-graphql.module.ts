import { Module } from '@nestjs/common';
import { DirectoryDataAccessModule } from '@homeroom/directory/data-access';
import { DirectoryLoaders } from './directory-loaders';
import { DepartmentResolver } from './resolvers/department.resolver';
import { DistrictResolver } from './resolvers/district.resolver';
import { HouseholdResolver } from './resolvers/household.resolver';
import { OneRosterResolver } from './resolvers/oneroster.resolver';
import { PersonResolver } from './resolvers/person.resolver';
import { PhoneNumberResolver } from './resolvers/phone-number.resolver';
import { RosterImportJobResolver } from './resolvers/roster-import-job.resolver';
import { SchoolResolver } from './resolvers/school.resolver';
import { TeamResolver } from './resolvers/team.resolver';
import './types/enums';

/** The directory's part of the federated API: School, Person and Team entities, queries and mutations. */
@Module({
  imports: [DirectoryDataAccessModule],
  providers: [
    DirectoryLoaders,
    SchoolResolver,
    PersonResolver,
    PhoneNumberResolver,
    TeamResolver,
    DistrictResolver,
    OneRosterResolver,
    RosterImportJobResolver,
    HouseholdResolver,
    DepartmentResolver,
  ],
})
export class DirectoryGraphqlModule {}
