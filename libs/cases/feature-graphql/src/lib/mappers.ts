import type {
  CaseEntity,
  CaseMessageEntity,
  CaseTimelineEntity,
  TopicEntity,
} from '@homeroom/cases/data-access';
import type { Case, CaseMessage, CaseTimelineEntry, Topic } from './types/case.type';

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
    createdAt: entity.createdAt,
  };
}

export function toTimelineEntry(entity: CaseTimelineEntity): CaseTimelineEntry {
  return { kind: entity.kind, actor: entity.actor, details: JSON.stringify(entity.details), at: entity.at };
}

export function toTopic(entity: TopicEntity): Topic {
  return { id: entity.id, name: entity.name, parentId: entity.parentId };
}
