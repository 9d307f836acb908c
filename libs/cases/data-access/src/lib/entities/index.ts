import { AlertCategoryEntity } from './alert-category.entity';
import { CaseAttachmentEntity } from './case-attachment.entity';
import { CaseMessageEntity } from './case-message.entity';
import { CaseTimelineEntity } from './case-timeline.entity';
import { CaseEntity } from './case.entity';
import { EscalationPolicyEntity } from './escalation-policy.entity';
import {
  KnowledgeArticleEntity,
  KnowledgeArticleFileEntity,
  KnowledgeArticleVersionEntity,
  KnowledgeCategoryEntity,
} from './knowledge-article.entity';
import { KnownPersonEntity } from './known-person.entity';
import { KnownSchoolEntity } from './known-school.entity';
import { QuarantinedEmailEntity } from './quarantined-email.entity';
import { ReplyTemplateEntity } from './reply-template.entity';
import { KnownTeamEntity, KnownTeamMemberEntity, RoutingRuleEntity } from './routing.entity';
import { TopicEntity } from './topic.entity';

export {
  CaseAttachmentEntity,
  AlertCategoryEntity,
  KnowledgeArticleEntity,
  KnowledgeArticleFileEntity,
  KnowledgeArticleVersionEntity,
  KnowledgeCategoryEntity,
  KnownPersonEntity,
  EscalationPolicyEntity,
  CaseEntity,
  CaseMessageEntity,
  CaseTimelineEntity,
  KnownSchoolEntity,
  KnownTeamEntity,
  KnownTeamMemberEntity,
  QuarantinedEmailEntity,
  ReplyTemplateEntity,
  RoutingRuleEntity,
  TopicEntity,
};

export const CASES_ENTITIES = [
  CaseAttachmentEntity,
  CaseEntity,
  CaseMessageEntity,
  CaseTimelineEntity,
  TopicEntity,
  KnownSchoolEntity,
  RoutingRuleEntity,
  KnownTeamEntity,
  KnownTeamMemberEntity,
  EscalationPolicyEntity,
  KnownPersonEntity,
  AlertCategoryEntity,
  QuarantinedEmailEntity,
  ReplyTemplateEntity,
  KnowledgeCategoryEntity,
  KnowledgeArticleEntity,
  KnowledgeArticleVersionEntity,
  KnowledgeArticleFileEntity,
];
