import { Module } from '@nestjs/common';
import { CaseMetricsResolver, EmergingIssuesResolver } from './resolvers/case-metrics.resolver';
import { CaseResolver } from './resolvers/case.resolver';
import { ChatResolver } from './resolvers/chat.resolver';
import { AssistResolver } from './resolvers/assist.resolver';
import { ArticleFileResolver, HelpArticleFileResolver } from './resolvers/article-file.resolver';
import { AttachmentResolver } from './resolvers/attachment.resolver';
import { AttachmentDownloadController } from './controllers/attachment-download.controller';
import { SmsWebhookController } from './controllers/sms-webhook.controller';
import { ChatController } from './controllers/chat.controller';
import { CaseRelationsResolver } from './resolvers/case-relations.resolver';
import { CasesLoaders } from './case-loaders';
import { EscalationResolver } from './resolvers/escalation.resolver';
import { ReplyTemplateResolver } from './resolvers/reply-template.resolver';
import { HelpCenterResolver } from './resolvers/help-center.resolver';
import { PublicTextResolver } from './resolvers/public-text.resolver';
import { KnowledgeResolver } from './resolvers/knowledge.resolver';
import { BulkResolver } from './resolvers/bulk.resolver';
import { AutomationResolver } from './resolvers/automation.resolver';
import { CoachingResolver } from './resolvers/coaching.resolver';
import { TranslationResolver } from './resolvers/translation.resolver';
import { VitalReviewResolver } from './resolvers/vital-review.resolver';
import { ReceivedMessageResolver } from './resolvers/received-message.resolver';
import { PersonCasesResolver } from './resolvers/person-cases.resolver';
import { RoutingResolver } from './resolvers/routing.resolver';
import { EmailQuarantineResolver } from './resolvers/email-quarantine.resolver';
import { SchoolCasesResolver } from './resolvers/school-cases.resolver';
import './types/enums';

/**
 * The cases subgraph: the Case entity, intake, actions, tracking, topics, routing, escalation, metrics,
 * emerging issues, and Person.cases.
 */
@Module({
  controllers: [AttachmentDownloadController, SmsWebhookController, ChatController],
  providers: [
    CaseResolver,
    ChatResolver,
    AttachmentResolver,
    ArticleFileResolver,
    HelpArticleFileResolver,
    AssistResolver,
    CaseRelationsResolver,
    CasesLoaders,
    PersonCasesResolver,
    RoutingResolver,
    EmailQuarantineResolver,
    CaseMetricsResolver,
    EmergingIssuesResolver,
    EscalationResolver,
    ReplyTemplateResolver,
    KnowledgeResolver,
    BulkResolver,
    AutomationResolver,
    CoachingResolver,
    TranslationResolver,
    VitalReviewResolver,
    ReceivedMessageResolver,
    HelpCenterResolver,
    PublicTextResolver,
    SchoolCasesResolver,
  ],
})
export class CasesGraphqlModule {}
