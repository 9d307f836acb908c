import { Module } from '@nestjs/common';
import { BusinessHoursResolver } from './resolvers/business-hours.resolver';
import { CaseSlaResolver } from './resolvers/case-sla.resolver';
import { SlaAdminResolver } from './resolvers/sla-admin.resolver';
import {
  SchoolSlaAttainmentResolver,
  SlaAttainmentBySchoolResolver,
  SlaAttainmentResolver,
} from './resolvers/sla-attainment.resolver';

/** The slas subgraph: `Case.sla`, SLA policies, business calendars and attainment (also `School.slaAttainment`). */
@Module({
  providers: [
    BusinessHoursResolver,
    CaseSlaResolver,
    SlaAdminResolver,
    SlaAttainmentResolver,
    SlaAttainmentBySchoolResolver,
    SchoolSlaAttainmentResolver,
  ],
})
export class SlasGraphqlModule {}
