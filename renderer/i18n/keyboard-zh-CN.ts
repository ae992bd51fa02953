// Wording of the on-screen keyboard (renderer/self-service/keyboard); spread into zh-CN.ts.
export const keyboardZhCN = {
  kioskKeyboard: {
    keyboard: '屏幕键盘',
    backspace: '删除',
    done: '完成',
    space: '空格',
    shift: '大写',
    toChinese: '中文',
    toLatin: 'English',
    candidates: '候选字',
    pinyinHint: '输入拼音，再点选汉字',
  },
};
