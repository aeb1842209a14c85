import { describe, expect, it } from 'vitest';
import { mainText } from '../../../electron/main/services/mainText';

describe('strings main shows in native dialogs', () => {
  it('follow the UI language, with its plural forms', () => {
    expect(mainText('ar', 'quit.unsent', { count: 2 })).toBe('صوتان لم يُرسلا بعد');
    expect(mainText('en', 'quit.unsent', { count: 2 })).toBe('2 votes are not sent yet');
  });

  it('fall back to English for an unknown or missing language', () => {
    expect(mainText('xx-YY', 'link.open')).toBe('Open');
    expect(mainText(null, 'link.cancel')).toBe('Cancel');
  });
});
