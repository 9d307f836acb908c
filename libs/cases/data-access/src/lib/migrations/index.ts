import { CreateMessagingTables1764150000000 } from '@homeroom/platform/messaging';
import { CreateCases1764180000000 } from './1764180000000-create-cases.migration';
import { CreateRouting1764190000000 } from './1764190000000-create-routing.migration';
import { CreateEscalation1764200000000 } from './1764200000000-create-escalation.migration';
import { OutboundEmail1764300000000 } from './1764300000000-outbound-email.migration';
import { CaseAttachments1764310000000 } from './1764310000000-case-attachments.migration';
import { CaseRelationsAndPeople1764330000000 } from './1764330000000-case-relations-and-people.migration';
import { Triage1764340000000 } from './1764340000000-triage.migration';
import { SlaAlerts1764350000000 } from './1764350000000-sla-alerts.migration';
import { RetiredTeams1764360000000 } from './1764360000000-retired-teams.migration';
import { CaseSubjectSearch1764370000000 } from './1764370000000-case-subject-search.migration';
import { RequesterConfirmation1764380000000 } from './1764380000000-requester-confirmation.migration';
import { AttachmentBlobs1764390000000 } from './1764390000000-attachment-blobs.migration';
import { EmailIntakeLedger1764400000000 } from './1764400000000-email-intake-ledger.migration';
import { KnownTeams1764410000000 } from './1764410000000-known-teams.migration';
import { SlaAtRiskIndex1764420000000 } from './1764420000000-sla-at-risk-index.migration';
import { CaseFigures1764430000000 } from './1764430000000-case-figures.migration';
import { ReplyTemplates1764440000000 } from './1764440000000-reply-templates.migration';
import { KnowledgeBase1764450000000 } from './1764450000000-knowledge-base.migration';
import { CaseBulkActions1764460000000 } from './1764460000000-case-bulk-actions.migration';
import { Automations1764470000000 } from './1764470000000-automations.migration';
import { Coaching1764480000000 } from './1764480000000-coaching.migration';
import { TextMessages1764490000000 } from './1764490000000-text-messages.migration';
import { MessageLanguages1764500000000 } from './1764500000000-message-languages.migration';
import { MessageTranslations1764510000000 } from './1764510000000-message-translations.migration';
import { ReceivedMessages1764520000000 } from './1764520000000-received-messages.migration';
import { DeferredTexts1764530000000 } from './1764530000000-deferred-texts.migration';
import { PublicTextCorrections1764547000000 } from './1764547000000-public-text-corrections.migration';
import { VitalReview1764570000000 } from './1764570000000-vital-review.migration';

import { ChatSessions1764580000000 } from './1764580000000-chat-sessions.migration';
import { KnownCalendars1764610000000 } from './1764610000000-known-calendars.migration';
import { TrackingLinks1764620000000 } from './1764620000000-tracking-links.migration';
import { ArticleFiles1764630000000 } from './1764630000000-article-files.migration';
import { RequesterConfirmationLinks1764640000000 } from './1764640000000-requester-confirmation-links.migration';
/** In timestamp order; immutable once merged. */
export const CASES_MIGRATIONS = [
  CreateMessagingTables1764150000000,
  CreateCases1764180000000,
  CreateRouting1764190000000,
  CreateEscalation1764200000000,
  OutboundEmail1764300000000,
  CaseAttachments1764310000000,
  CaseRelationsAndPeople1764330000000,
  Triage1764340000000,
  SlaAlerts1764350000000,
  RetiredTeams1764360000000,
  CaseSubjectSearch1764370000000,
  RequesterConfirmation1764380000000,
  AttachmentBlobs1764390000000,
  EmailIntakeLedger1764400000000,
  KnownTeams1764410000000,
  SlaAtRiskIndex1764420000000,
  CaseFigures1764430000000,
  ReplyTemplates1764440000000,
  KnowledgeBase1764450000000,
  CaseBulkActions1764460000000,
  Automations1764470000000,
  Coaching1764480000000,
  TextMessages1764490000000,
  MessageLanguages1764500000000,
  MessageTranslations1764510000000,
  ReceivedMessages1764520000000,
  DeferredTexts1764530000000,
  PublicTextCorrections1764547000000,
  VitalReview1764570000000,
  ChatSessions1764580000000,
  KnownCalendars1764610000000,
  TrackingLinks1764620000000,
  ArticleFiles1764630000000,
  RequesterConfirmationLinks1764640000000,
];
