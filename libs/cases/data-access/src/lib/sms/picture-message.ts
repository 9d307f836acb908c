/** A staff reply's file, as a picture message would carry it. */
export interface ReplyFile {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

/**
 * What every US and Canadian carrier shows in a picture message (MMS); Twilio accepts other types but
 * many phones show them as a broken attachment, so those stay in the case for the family to ask for.
 */
export const MMS_CONTENT_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/gif'];
/** Twilio's limits for one picture message: 10 files, 5 MB together. */
export const MMS_MAX_FILES = 10;
export const MMS_MAX_BYTES = 5 * 1024 * 1024;

export type NotTextedReason = 'NOT_A_PICTURE' | 'TOO_LARGE' | 'NOT_US_OR_CANADA' | 'NO_PUBLIC_LINK';

/**
 * Which of a reply's files go with it as a picture message, and why the others do not: pictures only,
 * within Twilio's limits (in the order attached), only to North American numbers (the only ones MMS
 * reaches), and only when the files have public links the provider can fetch.
 */
export function pictureMessageFiles(
  files: readonly ReplyFile[],
  { to, publicLinks }: { to: string; publicLinks: boolean },
): { sent: ReplyFile[]; notSent: { fileName: string; reason: NotTextedReason }[] } {
  const sent: ReplyFile[] = [];
  const notSent: { fileName: string; reason: NotTextedReason }[] = [];
  let bytes = 0;
  for (const file of files) {
    const reason: NotTextedReason | undefined = !publicLinks
      ? 'NO_PUBLIC_LINK'
      : !to.startsWith('+1')
        ? 'NOT_US_OR_CANADA'
        : !MMS_CONTENT_TYPES.includes(file.contentType.toLowerCase())
          ? 'NOT_A_PICTURE'
          : sent.length >= MMS_MAX_FILES || bytes + file.sizeBytes > MMS_MAX_BYTES
            ? 'TOO_LARGE'
            : undefined;
    if (reason) notSent.push({ fileName: file.fileName, reason });
    else {
      sent.push(file);
      bytes += file.sizeBytes;
    }
  }
  return { sent, notSent };
}
