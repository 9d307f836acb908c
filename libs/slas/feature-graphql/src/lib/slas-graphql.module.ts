import { Module } from '@nestjs/common';
import { CaseSlaResolver } from './resolvers/case-sla.resolver';
import { SlaAdminResolver } from './resolvers/sla-admin.resolver';
import { SlaAttainmentResolver } from './resolvers/sla-attainment.resolver';

/** The slas subgraph: `Case.sla`, SLA policies, business calendars and attainment. */
@Module({ providers: [CaseSlaResolver, SlaAdminResolver, SlaAttainmentResolver] })
export class SlasGraphqlModule {}
