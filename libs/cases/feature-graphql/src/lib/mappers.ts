import type {
  CaseEntity,
  CaseMessageEntity,
  CaseTimelineEntity,
  KnowledgeArticleEntity,
  KnowledgeCategoryEntity,
  ReplyTemplateEntity,
  TopicEntity,
} from '@homeroom/cases/data-access';
import type { Case, CaseMessage, CaseTimelineEntry, Topic } from './types/case.type';
import type { KnowledgeArticle, KnowledgeCategory } from './types/knowledge.type';
import type { ReplyTemplate } from './types/reply-template.type';

export function toCase(entity: CaseEntity): Case {
  return {
    id: entity.id,
    number: entity.number,
    subject: entity.subject,
    status: entity.status,
    priority: entity.priority,
    channel: entity.channel,
    type: entity.type,
    school: entity.schoolId ? { id: entity.schoolId } : null,
    requester: entity.requesterId ? { id: entity.requesterId } : null,
    requesterCandidate: entity.requesterCandidateId ? { id: entity.requesterCandidateId } : null,
    contact: { name: entity.contact.name, email: entity.contact.email, phone: entity.contact.phone },
    assignee: entity.assigneeId ? { id: entity.assigneeId } : null,
    team: entity.teamId ? { id: entity.teamId } : null,
    language: entity.language,
    anonymous: entity.anonymous,
    confidential: entity.confidential,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
    firstRespondedAt: entity.firstRespondedAt,
    resolvedAt: entity.resolvedAt,
    followUpOfId: entity.followUpOfId,
    tags: entity.tags,
    sentiment: entity.sentiment,
    sentimentScore: entity.sentimentScore,
    mergedIntoId: entity.mergedIntoId,
    topicId: entity.topicId,
  };
}

export function toMessage(entity: CaseMessageEntity): CaseMessage {
  return {
    id: entity.id,
    direction: entity.direction,
    authorKind: entity.authorKind,
    body: entity.body,
    language: entity.language,
    review: entity.reviewStatus
      ? {
          status: entity.reviewStatus,
          category: entity.vitalCategory!,
          language: entity.language!,
          authorId: entity.authorId,
          reviewedBy: entity.reviewedBy,
          reviewedAt: entity.reviewedAt,
          reason: entity.reviewNote,
        }
      : null,
    createdAt: entity.createdAt,
  };
}

/**
 * A message as the requester reads it on their tracking page: who reviewed a reply is staff's business, and
 * its tracking link is the one they opened the page by (`TrackingLinks.forHolder`).
 */
export function toTrackedMessage(entity: CaseMessageEntity, fillLink: (text: string) => string): CaseMessage {
  return { ...toMessage(entity), body: fillLink(entity.body), review: null };
}

export function toTimelineEntry(entity: CaseTimelineEntity): CaseTimelineEntry {
  return { kind: entity.kind, actor: entity.actor, details: JSON.stringify(entity.details), at: entity.at };
}

export function toTopic(entity: TopicEntity): Topic {
  return { id: entity.id, name: entity.name, parentId: entity.parentId };
}

export function toReplyTemplate(entity: ReplyTemplateEntity): ReplyTemplate {
  return {
    id: entity.id,
    name: entity.name,
    shortcut: entity.shortcut,
    team: entity.teamId ? { id: entity.teamId } : null,
    translations: entity.translations.map(({ language, body }) => ({ language, body })),
    setStatus: entity.setStatus,
    setPriority: entity.setPriority,
    setTopicId: entity.setTopicId,
    addTags: entity.addTags,
    vitalCategory: entity.vitalCategory,
    usageCount: entity.usageCount,
    lastUsedAt: entity.lastUsedAt,
    archived: entity.archivedAt !== null,
    updatedAt: entity.updatedAt,
  };
}

/** A category with its name in the reader's language (KnowledgeBaseService.nameOf). */
export function toKnowledgeCategory(entity: KnowledgeCategoryEntity, name: string): KnowledgeCategory {
  return {
    id: entity.id,
    name,
    names: Object.entries(entity.names).map(([language, localized]) => ({ language, name: localized })),
    position: entity.position,
  };
}

export function toKnowledgeArticle(entity: KnowledgeArticleEntity): KnowledgeArticle {
  return {
    id: entity.id,
    slug: entity.slug,
    status: entity.status,
    schoolId: entity.schoolId,
    categoryId: entity.categoryId,
    topicId: entity.topicId,
    translations: entity.draft.map(({ language, title, body }) => ({ language, title, body })),
    publishedVersion: entity.publishedVersion,
    publishedAt: entity.publishedAt,
    helpfulCount: entity.helpfulCount,
    notHelpfulCount: entity.notHelpfulCount,
    answeredCount: entity.answeredCount,
    updatedAt: entity.updatedAt,
  };
}
