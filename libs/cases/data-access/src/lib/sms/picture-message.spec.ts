import { MMS_MAX_BYTES, pictureMessageFiles, type ReplyFile } from './picture-message';

const file = (fileName: string, contentType: string, sizeBytes = 100_000): ReplyFile => ({
  id: fileName,
  fileName,
  contentType,
  sizeBytes,
});

describe('pictureMessageFiles', () => {
  const us = { to: '+15125550142', publicLinks: true };

  it('sends pictures, and says why the other files stay in the case', () => {
    const { sent, notSent } = pictureMessageFiles(
      [file('bus.jpg', 'image/jpeg'), file('form.pdf', 'application/pdf'), file('map.PNG', 'IMAGE/PNG')],
      us,
    );
    expect(sent.map((f) => f.fileName)).toEqual(['bus.jpg', 'map.PNG']);
    expect(notSent).toEqual([{ fileName: 'form.pdf', reason: 'NOT_A_PICTURE' }]);
  });

  it("keeps within Twilio's 5 MB and 10 files, in the order attached", () => {
    const big = file('big.png', 'image/png', MMS_MAX_BYTES - 50_000);
    const { sent, notSent } = pictureMessageFiles(
      [big, file('small.gif', 'image/gif'), file('tiny.gif', 'image/gif', 10_000)],
      us,
    );
    expect(sent.map((f) => f.fileName)).toEqual(['big.png', 'tiny.gif']);
    expect(notSent).toEqual([{ fileName: 'small.gif', reason: 'TOO_LARGE' }]);
    const eleven = Array.from({ length: 11 }, (_, i) => file(`p${i}.jpg`, 'image/jpeg', 1_000));
    expect(pictureMessageFiles(eleven, us).notSent).toEqual([{ fileName: 'p10.jpg', reason: 'TOO_LARGE' }]);
  });

  it('sends none outside North America, or without public links', () => {
    expect(
      pictureMessageFiles([file('bus.jpg', 'image/jpeg')], { to: '+447700900123', publicLinks: true })
        .notSent,
    ).toEqual([{ fileName: 'bus.jpg', reason: 'NOT_US_OR_CANADA' }]);
    expect(
      pictureMessageFiles([file('bus.jpg', 'image/jpeg')], { ...us, publicLinks: false }).notSent,
    ).toEqual([{ fileName: 'bus.jpg', reason: 'NO_PUBLIC_LINK' }]);
  });
});
