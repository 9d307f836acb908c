import type { CsvRow } from '../read/csv-table';
import type { JsonRecord } from './paging';
import { sisMalformedResponse } from './rest-errors';

/**
 * Reads one REST record's fields as CSV cells: '' for what is absent or null, text for strings, numbers
 * and booleans (vendors send identifiers as numbers and flags as "true"). A field of the wrong kind
 * altogether (an object where text belongs) is the SIS answering something that is not OneRoster.
 */
class RecordReader {
  constructor(
    private readonly endpoint: string,
    private readonly record: JsonRecord,
    private readonly line: number,
    /** Where the fields sit inside the record (`roles[].`), for messages. */
    private readonly within = '',
  ) {}

  text(field: string, ...aliases: string[]): string {
    for (const name of [field, ...aliases]) {
      const value = this.record[name];
      if (value === undefined || value === null) continue;
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      throw this.wrongKind(name, 'text');
    }
    return '';
  }

  /** A GUIDRef (`{ href, sourcedId, type }`), its sourcedId; some vendors send the bare sourcedId. */
  ref(field: string): string {
    return this.refOf(this.record[field], field);
  }

  /** A list of GUIDRefs as the CSV has it: sourcedIds joined by commas. */
  refs(field: string): string {
    return this.list(field)
      .map((item) => this.refOf(item, field))
      .filter(Boolean)
      .join(',');
  }

  /** A list of strings (grades) joined by commas; a vendor sending "09,10" already joined is taken as is. */
  texts(field: string): string {
    const value = this.record[field];
    if (typeof value === 'string') return value;
    return this.list(field)
      .map((item) => {
        if (typeof item === 'string' || typeof item === 'number') return String(item);
        throw this.wrongKind(field, 'a list of text');
      })
      .join(',');
  }

  /** `enabledUser`: a boolean in 1.2's JSON, the string "true"/"false" from many servers. */
  flag(field: string): string {
    return this.text(field).trim().toLowerCase();
  }

  objects(field: string): JsonRecord[] {
    return this.list(field).map((item) => {
      if (isRecord(item)) return item;
      throw this.wrongKind(field, 'a list of objects');
    });
  }

  private list(field: string): unknown[] {
    const value = this.record[field];
    if (value === undefined || value === null) return [];
    if (Array.isArray(value)) return value;
    throw this.wrongKind(field, 'a list');
  }

  private refOf(value: unknown, field: string): string {
    if (value === undefined || value === null) return '';
    if (typeof value === 'string') return value;
    if (isRecord(value)) {
      const sourcedId = value['sourcedId'];
      if (sourcedId === undefined || sourcedId === null) return '';
      if (typeof sourcedId === 'string' || typeof sourcedId === 'number') return String(sourcedId);
    }
    throw this.wrongKind(field, 'a reference ({ sourcedId })');
  }

  private wrongKind(field: string, expected: string) {
    return sisMalformedResponse(
      this.endpoint,
      200,
      `${this.endpoint}: record ${this.line} (sourcedId ${String(this.record['sourcedId'])}) has "${this.within}${field}" that is not ${expected}`,
    );
  }
}

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An org (OneRoster 1.2 §4.10) as an orgs.csv row. */
export function orgRow(endpoint: string, record: JsonRecord, line: number): CsvRow {
  const read = new RecordReader(endpoint, record, line);
  return {
    line,
    values: {
      sourcedId: read.text('sourcedId'),
      status: read.text('status'),
      dateLastModified: read.text('dateLastModified'),
      name: read.text('name'),
      type: read.text('type'),
      identifier: read.text('identifier'),
      parentSourcedId: read.ref('parent'),
    },
  };
}

/**
 * A user (§4.13) as a users.csv row. The JSON binding names the preferred names preferredFirstName and
 * preferredLastName where the CSV says preferredGivenName; both are read.
 */
export function userRow(endpoint: string, record: JsonRecord, line: number): CsvRow {
  const read = new RecordReader(endpoint, record, line);
  return {
    line,
    values: {
      sourcedId: read.text('sourcedId'),
      status: read.text('status'),
      dateLastModified: read.text('dateLastModified'),
      enabledUser: read.flag('enabledUser'),
      username: read.text('username'),
      givenName: read.text('givenName'),
      familyName: read.text('familyName'),
      middleName: read.text('middleName'),
      preferredGivenName: read.text('preferredFirstName', 'preferredGivenName'),
      email: read.text('email'),
      sms: read.text('sms'),
      phone: read.text('phone'),
      identifier: read.text('identifier'),
      grades: read.texts('grades'),
      agentSourcedIds: read.refs('agents'),
      userMasterIdentifier: read.text('userMasterIdentifier'),
    },
  };
}

/**
 * A user's `roles` (1.2 carries them on the user) as roles.csv rows. REST roles have no sourcedId of
 * their own, so one is made from what identifies a role (user, org, role), the same on every read; a role
 * has no status either, so it takes its user's: a user to be deleted takes their roles along.
 */
export function roleRows(endpoint: string, user: JsonRecord, line: number): CsvRow[] {
  const read = new RecordReader(endpoint, user, line);
  const userSourcedId = read.text('sourcedId');
  const status = read.text('status');
  const dateLastModified = read.text('dateLastModified');
  return read.objects('roles').map((entry) => {
    const role = new RecordReader(endpoint, { ...entry, sourcedId: userSourcedId }, line, 'roles[].');
    const orgSourcedId = role.ref('org');
    const name = role.text('role');
    return {
      line,
      values: {
        sourcedId: `${userSourcedId}:${orgSourcedId}:${name}`,
        status,
        dateLastModified,
        userSourcedId,
        roleType: role.text('roleType'),
        role: name,
        orgSourcedId,
        beginDate: role.text('beginDate'),
        endDate: role.text('endDate'),
        userProfileSourcedId: role.ref('userProfile'),
      },
    };
  });
}
