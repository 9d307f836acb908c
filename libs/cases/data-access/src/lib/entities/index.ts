import { CaseMessageEntity } from './case-message.entity';
import { CaseTimelineEntity } from './case-timeline.entity';
import { CaseEntity } from './case.entity';
import { EscalationPolicyEntity } from './escalation-policy.entity';
import { KnownSchoolEntity } from './known-school.entity';
import { KnownTeamMemberEntity, RoutingRuleEntity } from './routing.entity';
import { TopicEntity } from './topic.entity';

export {
  EscalationPolicyEntity,
  CaseEntity,
  CaseMessageEntity,
  CaseTimelineEntity,
  KnownSchoolEntity,
  KnownTeamMemberEntity,
  RoutingRuleEntity,
  TopicEntity,
};

export const CASES_ENTITIES = [
  CaseEntity,
  CaseMessageEntity,
  CaseTimelineEntity,
  TopicEntity,
  KnownSchoolEntity,
  RoutingRuleEntity,
  KnownTeamMemberEntity,
  EscalationPolicyEntity,
];
