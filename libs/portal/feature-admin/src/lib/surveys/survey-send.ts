import type {
  AdminSurveysDetailQuery,
  AdminSurveysSendMutation,
  SurveyAudience,
  SurveyAudienceInput,
  SurveyRecipientKind,
  SurveyRecipientRole,
  SurveyStatus,
} from '../operations.generated';
import { formatWhen } from '../formats';
import { languageTag } from './survey-input';

type ScheduledSend = NonNullable<AdminSurveysDetailQuery['survey']>['scheduledSends'][number];

export const RECIPIENT_KINDS: readonly { kind: SurveyRecipientKind; name: string }[] = [
  { kind: 'GUARDIAN', name: 'Families (guardians)' },
  { kind: 'STUDENT', name: 'Students' },
  { kind: 'STAFF', name: 'Staff' },
  { kind: 'COMMUNITY', name: 'Community members' },
];

/** The directory's kind of people each audience a survey is written for reaches. */
const KIND_OF_AUDIENCE: Record<SurveyAudience, SurveyRecipientKind> = {
  FAMILIES: 'GUARDIAN',
  STUDENTS: 'STUDENT',
  STAFF: 'STAFF',
  COMMUNITY: 'COMMUNITY',
};

/** The kinds of people a survey written for these audiences can be sent to, in the send form's order. */
export function recipientKinds(audiences: readonly SurveyAudience[]): typeof RECIPIENT_KINDS {
  const reached = new Set(audiences.map((audience) => KIND_OF_AUDIENCE[audience]));
  return RECIPIENT_KINDS.filter(({ kind }) => reached.has(kind));
}

export const RECIPIENT_ROLES: readonly { role: SurveyRecipientRole; name: string }[] = [
  { role: 'AGENT', name: 'Agents' },
  { role: 'SCHOOL_ADMIN', name: 'School administrators' },
  { role: 'DISTRICT_ADMIN', name: 'District administrators' },
  { role: 'VIEWER', name: 'Viewers' },
];

/** The send form as filled in; `at` is a datetime-local value, in the browser's time. */
export interface SendForm {
  kinds: readonly SurveyRecipientKind[];
  roles: readonly SurveyRecipientRole[];
  schoolIds: readonly string[];
  /** Comma-separated language tags: es reaches es-MX too. */
  languages: string;
  later: boolean;
  at: string;
}

/**
 * The audience and time to send, or what is wrong with the form in words. People of a kind the survey is
 * not written for (`audiences`) are refused here, as the API would refuse them.
 */
export function sendRequest(
  form: SendForm,
  now: Date,
  status: SurveyStatus,
  audiences: readonly SurveyAudience[],
): { audience: SurveyAudienceInput; at: string | null } | { problem: string } {
  const offered = recipientKinds(audiences);
  if (status === 'CLOSED') return { problem: 'The survey is closed: reopen it to send it.' };
  if (status === 'DRAFT' && !form.later)
    return { problem: 'Open the survey before sending it now, or plan the send for after you open it.' };
  const typed = form.languages
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const languages = typed.map(languageTag);
  const bad = typed.filter((_, index) => languages[index] === null);
  if (bad.length) return { problem: `${bad.join(', ')} is not a language tag such as es or vi.` };
  const outside = RECIPIENT_KINDS.filter(
    ({ kind }) => form.kinds.includes(kind) && !offered.some((known) => known.kind === kind),
  );
  if (outside.length)
    return {
      problem: `The survey is not written for ${list(outside.map(({ name }) => name.toLowerCase()))}.`,
    };
  if (form.roles.length && !offered.some(({ kind }) => kind === 'STAFF'))
    return { problem: 'The survey is not written for staff: clear the roles.' };
  if (form.roles.length && form.kinds.length && !form.kinds.includes('STAFF'))
    return { problem: 'Roles choose among staff: add Staff to the people, or clear the roles.' };
  let at: string | null = null;
  if (form.later) {
    const time = new Date(form.at);
    if (!form.at || Number.isNaN(time.getTime())) return { problem: 'Choose when to send it.' };
    if (time.getTime() <= now.getTime())
      return { problem: 'That time has passed: choose a later one, or send now.' };
    at = time.toISOString();
  }
  return {
    audience: {
      kinds: [...form.kinds],
      roles: [...form.roles],
      schoolIds: [...form.schoolIds],
      languages: [...new Set(languages as string[])],
    },
    at,
  };
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Who a send reaches: "Staff (agents) at Lincoln Elementary, preferring es". */
export function describeAudience(
  send: Pick<ScheduledSend, 'kinds' | 'roles' | 'schoolIds' | 'languages'>,
  schoolNames: ReadonlyMap<string, string>,
): string {
  const kinds = send.kinds.length
    ? list(send.kinds.map((kind) => RECIPIENT_KINDS.find((known) => known.kind === kind)?.name ?? kind))
    : 'Everyone the survey was written for';
  const roles = send.roles.length
    ? ` (${list(send.roles.map((role) => RECIPIENT_ROLES.find((known) => known.role === role)?.name.toLowerCase() ?? role))})`
    : '';
  const schools = send.schoolIds.length
    ? ` at ${list(send.schoolIds.map((id) => schoolNames.get(id) ?? 'a school no longer listed'))}`
    : '';
  const languages = send.languages.length ? `, preferring ${list(send.languages)}` : '';
  return `${kinds}${roles}${schools}${languages}`;
}

/** Where a planned send stands, in words. */
export function sendState(
  send: Pick<ScheduledSend, 'sentAt' | 'invited' | 'failure'>,
  timeZone?: string,
): string {
  if (send.failure) {
    const why = send.failure === 'SURVEY_NOT_OPEN' ? 'the survey was not open' : send.failure;
    return `Not sent: ${why}`;
  }
  if (send.sentAt) return `Sent ${formatWhen(send.sentAt, timeZone)} to ${send.invited ?? 0} people`;
  return 'Waiting';
}

/** What a send did: invited now, or planned for later. */
export function describeSendResult(
  result: AdminSurveysSendMutation['sendSurvey'],
  timeZone?: string,
): string {
  if (result.scheduledFor)
    return `Planned for ${formatWhen(result.scheduledFor, timeZone)}. You can cancel it until then.`;
  const again = result.alreadyInvited
    ? ` ${result.alreadyInvited} had been invited before and were not invited again.`
    : '';
  return `Invited ${result.invited} ${result.invited === 1 ? 'person' : 'people'}, each with a personal link.${again}`;
}
