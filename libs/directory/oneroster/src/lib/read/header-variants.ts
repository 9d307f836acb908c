import type { DirectoryFile } from '../roster-set';

/** OneRoster 1.2's column names per file, the names the importer reads. */
const COLUMNS: Record<DirectoryFile, readonly string[]> = {
  orgs: ['sourcedId', 'status', 'dateLastModified', 'name', 'type', 'identifier', 'parentSourcedId'],
  users: [
    'sourcedId',
    'status',
    'dateLastModified',
    'enabledUser',
    'username',
    'userIds',
    'givenName',
    'familyName',
    'middleName',
    'identifier',
    'email',
    'sms',
    'phone',
    'agentSourcedIds',
    'grades',
    'password',
    'userMasterIdentifier',
    'resourceSourcedIds',
    'preferredGivenName',
    'preferredMiddleName',
    'preferredFamilyName',
    'primaryOrgSourcedId',
    'pronouns',
    // 1.1 keeps a user's role and orgs on the user.
    'orgSourcedIds',
    'role',
  ],
  roles: [
    'sourcedId',
    'status',
    'dateLastModified',
    'userSourcedId',
    'roleType',
    'role',
    'beginDate',
    'endDate',
    'orgSourcedId',
    'userProfileSourcedId',
  ],
  enrollments: [
    'sourcedId',
    'status',
    'dateLastModified',
    'classSourcedId',
    'schoolSourcedId',
    'userSourcedId',
    'role',
    'primary',
    'beginDate',
    'endDate',
  ],
  demographics: ['sourcedId', 'status', 'dateLastModified', 'birthDate', 'sex'],
};

/**
 * Names that SIS products still export from OneRoster 1.0 and early 1.1 (and misspellings seen in published
 * exports: `dataLastModified`, `prefferedGivenName`),
 * read as their 1.2 names. Each one found is a warning: the set goes in, and the vendor can be asked to
 * update the export.
 */
const MISSPELLINGS: Readonly<Record<string, string>> = { datalastmodified: 'dateLastModified' };
const OLD_NAMES: Record<DirectoryFile, Readonly<Record<string, string>>> = {
  orgs: { parent: 'parentSourcedId' },
  users: {
    prefferedgivenname: 'preferredGivenName',
    prefferedmiddlename: 'preferredMiddleName',
    prefferedfamilyname: 'preferredFamilyName',
    userid: 'userIds',
    agents: 'agentSourcedIds',
    agentsourcedid: 'agentSourcedIds',
    orgsourcedid: 'orgSourcedIds',
    grade: 'grades',
  },
  roles: {},
  enrollments: {},
  demographics: { usersourcedid: 'sourcedId' },
};

export interface ColumnRename {
  from: string;
  to: string;
}

/**
 * The column a header cell names, ignoring case and surrounding space (exports differ in both); `renamed`
 * hears of every header read under an older or misspelled name.
 */
export function columnNamer(
  file: DirectoryFile,
  renamed: (rename: ColumnRename) => void,
): (header: string) => string {
  const byLowerCase = new Map(COLUMNS[file].map((column) => [column.toLowerCase(), column]));
  return (header) => {
    const key = header.trim().toLowerCase();
    const current = byLowerCase.get(key);
    if (current) return current;
    const old = OLD_NAMES[file][key] ?? MISSPELLINGS[key];
    if (old) {
      renamed({ from: header, to: old });
      return old;
    }
    return header;
  };
}
