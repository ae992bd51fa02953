import type { MessageShape } from './zh-CN';
import type { keyboardZhCN } from './keyboard-zh-CN';

export const keyboardEn: MessageShape<typeof keyboardZhCN> = {
  kioskKeyboard: {
    keyboard: 'On-screen keyboard',
    backspace: 'Delete',
    done: 'Done',
    space: 'space',
    shift: 'Shift',
    toChinese: '中文',
    toLatin: 'English',
    candidates: 'Characters',
    pinyinHint: 'Type pinyin, then tap a character',
  },
};
