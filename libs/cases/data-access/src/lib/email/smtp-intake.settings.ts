export interface SmtpIntakeSettings {
  /** 0 turns the listener off (a deployment that takes mail elsewhere). */
  port: number;
  host: string;
  /** The addresses that accept mail, lower case (talk@homeroom.test for the demo district). */
  addresses: string[];
  maxBytes: number;
  /** Kept mail (quarantined_email) is deleted this many days after it arrived; default 90. */
  keptEmailRetentionDays?: number;
}

export const SMTP_INTAKE_SETTINGS = Symbol('SMTP_INTAKE_SETTINGS');
