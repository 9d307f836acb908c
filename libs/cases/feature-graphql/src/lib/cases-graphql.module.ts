import { Module } from '@nestjs/common';
import { CaseMetricsResolver, EmergingIssuesResolver } from './resolvers/case-metrics.resolver';
import { CaseResolver } from './resolvers/case.resolver';
import { EscalationResolver } from './resolvers/escalation.resolver';
import { PersonCasesResolver } from './resolvers/person-cases.resolver';
import { RoutingResolver } from './resolvers/routing.resolver';
import { SchoolCasesResolver } from './resolvers/school-cases.resolver';
import './types/enums';

/**
 * The cases subgraph: the Case entity, intake, actions, tracking, topics, routing, escalation, metrics,
 * emerging issues, and Person.cases.
 */
@Module({
  providers: [
    CaseResolver,
    PersonCasesResolver,
    RoutingResolver,
    CaseMetricsResolver,
    EmergingIssuesResolver,
    EscalationResolver,
    SchoolCasesResolver,
  ],
})
export class CasesGraphqlModule {}
