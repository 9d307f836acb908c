import type { EntityManager } from 'typeorm';

/** Whether the number texted STOP (and not START since): nothing may be texted to it then. */
export async function hasOptedOut(manager: EntityManager, phone: string): Promise<boolean> {
  const [row] = (await manager.query('SELECT opted_out FROM sms_consent WHERE phone = $1', [phone])) as {
    opted_out: boolean;
  }[];
  return Boolean(row?.opted_out);
}
