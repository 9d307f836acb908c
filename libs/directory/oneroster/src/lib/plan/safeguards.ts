import { InvalidInputException } from '@homeroom/shared/errors';
import { IMPORT_REASONS, type DeactivationAlarm, type ImportReport } from '../import-report';

/** More than this share of the active SIS people or schools deactivated at once stops a set (as SIS sync services do). */
export const MASS_DEACTIVATION_SHARE = 0.1;
/** …and more than this many: a small district's ordinary week (a family moving away) is not a mass deactivation. */
export const MASS_DEACTIVATION_MINIMUM = { people: 25, schools: 1 };

/** The figures that trip the safeguard, if any: what the preview shows and a confirmation must accept. */
export function massDeactivation(
  active: { people: number; schools: number },
  deactivated: { people: number; schools: number },
): DeactivationAlarm[] {
  return (['people', 'schools'] as const)
    .map((what) => ({ what, deactivated: deactivated[what], active: active[what] }))
    .filter(
      ({ what, deactivated: count, active: of }) =>
        of > 0 && count / of > MASS_DEACTIVATION_SHARE && count > MASS_DEACTIVATION_MINIMUM[what],
    );
}

/** The safeguard's refusal, carrying the preview (a dry run's report) that a confirmation is given on. */
export class MassDeactivationRefused extends InvalidInputException {
  constructor(readonly preview: ImportReport) {
    super(
      massDeactivationMessage(preview.massDeactivation),
      preview.massDeactivation.map(({ what, deactivated, active }) => ({
        path: what === 'people' ? 'users' : 'orgs',
        message: `deactivates ${deactivated} of ${active}`,
      })),
      IMPORT_REASONS.massDeactivation,
    );
  }
}

function massDeactivationMessage(alarms: readonly DeactivationAlarm[]): string {
  return `This set would deactivate ${alarms.map(({ what, deactivated, active }) => `${deactivated} of ${active} active ${what} (${Math.round((100 * deactivated) / active)} %)`).join(' and ')}; nothing was changed. Check the SIS export; to go ahead, import it again confirming the deactivations.`;
}
