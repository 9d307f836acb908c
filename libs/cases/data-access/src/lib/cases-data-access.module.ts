import { type DynamicModule, Module } from '@nestjs/common';
import { EmailIntakeService } from './email/email-intake.service';
import { EmailQuarantine } from './email/email-quarantine';
import { KeptEmailRetention } from './email/kept-email-retention';
import {
  OUTBOUND_EMAIL_SETTINGS,
  OutboundEmailService,
  type OutboundEmailSettings,
} from './email/outbound-email.service';
import { SMTP_INTAKE_SETTINGS, SmtpIntakeServer, type SmtpIntakeSettings } from './email/smtp-intake.server';
import { CaseIntakeService, INTAKE_SETTINGS, type IntakeSettings } from './services/case-intake.service';
import { TRACKING_LINK_SETTINGS, TrackingLinks } from './services/tracking-links';
import { CaseMetricsService } from './services/case-metrics.service';
import { CaseFiguresRollup } from './figures/case-figures-rollup';
import { CaseQueryService } from './services/case-query.service';
import { EmergingIssuesService } from './services/emerging-issues.service';
import { CaseService } from './services/case.service';
import { TopicService } from './services/topic.service';
import { RoutingService } from './routing/routing.service';
import { AlertService } from './alerts/alert.service';
import { TriageService } from './triage/triage.service';
import { CaseRelationsService } from './services/case-relations.service';
import { EscalationPolicyService } from './services/escalation-policy.service';
import { ReplyTemplateService } from './services/reply-template.service';
import { CaseBulkService } from './services/case-bulk.service';
import { AutomationService } from './services/automation.service';
import { CoachingService } from './services/coaching.service';
import { HelpCenterService } from './knowledge/help-center.service';
import { KnowledgeBaseService } from './knowledge/knowledge-base.service';
import { PublicTextService } from './public-text/public-text.service';
import { SMS_SENDER, SurveyInvitationDelivery } from './surveys/survey-invitation-delivery';
import {
  NO_TEXT_MESSAGING,
  TEXT_MESSAGING_SETTINGS,
  type TextMessagingSettings,
} from './sms/text-messaging.settings';
import { SmsIntakeService } from './sms/sms-intake.service';
import { OutboundSmsService } from './sms/outbound-sms.service';
import { KnownCalendars } from './read-models/known-calendars';
import { ReceivedMessageService } from './services/received-message.service';
import { ConversationIntakeService } from './services/conversation-intake.service';
import {
  MESSAGE_TRANSLATION_SETTINGS,
  MessageTranslationService,
  type MessageTranslationSettings,
  NO_MESSAGE_TRANSLATION,
} from './translation/message-translation.service';
import { VitalReviewService } from './translation/vital-review.service';
import { MailSender } from '@homeroom/platform/mail';
import { RequesterConfirmationService } from './requesters/requester-confirmation.service';

const SERVICES = [
  TriageService,
  AlertService,
  CaseRelationsService,
  CaseIntakeService,
  CaseService,
  CaseQueryService,
  TopicService,
  RoutingService,
  CaseFiguresRollup,
  CaseMetricsService,
  EmergingIssuesService,
  EmailIntakeService,
  EmailQuarantine,
  OutboundEmailService,
  RequesterConfirmationService,
  SurveyInvitationDelivery,
  EscalationPolicyService,
  ReplyTemplateService,
  KnowledgeBaseService,
  HelpCenterService,
  PublicTextService,
  CaseBulkService,
  AutomationService,
  CoachingService,
  SmsIntakeService,
  OutboundSmsService,
  KnownCalendars,
  MessageTranslationService,
  VitalReviewService,
  ConversationIntakeService,
  ReceivedMessageService,
  TrackingLinks,
];

/** The cases service's application services; expects the app to provide TypeORM and messaging. */
@Module({})
export class CasesDataAccessModule {
  static forRoot(
    settings: IntakeSettings,
    smtp: SmtpIntakeSettings = { port: 0, host: '0.0.0.0', addresses: [], maxBytes: 0 },
    /** Staff replies by email; off (smtpUrl '') unless the app configures it. */
    outbound: OutboundEmailSettings = { smtpUrl: '', from: '', intakeAddress: '' },
    /** Text messages both ways (and survey invitations by text); none unless the app configures a provider. */
    texting: TextMessagingSettings = NO_TEXT_MESSAGING,
    /** Machine translation of conversations; none unless the app configures a provider. */
    translation: MessageTranslationSettings = NO_MESSAGE_TRANSLATION,
  ): DynamicModule {
    return {
      module: CasesDataAccessModule,
      global: true,
      providers: [
        { provide: INTAKE_SETTINGS, useValue: settings },
        { provide: SMTP_INTAKE_SETTINGS, useValue: smtp },
        { provide: OUTBOUND_EMAIL_SETTINGS, useValue: outbound },
        // Tracking links open the same portal as the other links mailed to families.
        { provide: TRACKING_LINK_SETTINGS, useValue: { portalUrl: outbound.portalUrl } },
        // One SMTP transport for replies and survey invitations; OutboundEmailService closes it.
        { provide: MailSender, useValue: new MailSender(outbound.smtpUrl) },
        { provide: SMS_SENDER, useValue: texting.sender },
        { provide: TEXT_MESSAGING_SETTINGS, useValue: texting },
        { provide: MESSAGE_TRANSLATION_SETTINGS, useValue: translation },
        SmtpIntakeServer,
        KeptEmailRetention,
        ...SERVICES,
      ],
      exports: SERVICES,
    };
  }
}
