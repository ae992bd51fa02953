// The key layouts of the on-screen keyboard (simple-keyboard's format: rows of keys split by
// spaces, {name} for function keys). Chinese uses the Latin letters and simple-keyboard's
// candidate box with the pinyin table of simple-keyboard-layouts (docs/decisions/0021-on-screen-keyboard.md).
import chinese from 'simple-keyboard-layouts/build/layouts/chinese';

export type KeyboardMode = 'numeric' | 'latin' | 'chinese' | 'url';

export interface ModeLayout {
  layout: Record<string, string[]>;
  candidates?: Record<string, string>;
}

const latin = {
  default: [
    '1 2 3 4 5 6 7 8 9 0',
    'q w e r t y u i o p',
    'a s d f g h j k l {bksp}',
    '{shift} z x c v b n m - _',
    '{lang} @ . {space} {done}',
  ],
  shift: [
    '1 2 3 4 5 6 7 8 9 0',
    'Q W E R T Y U I O P',
    'A S D F G H J K L {bksp}',
    '{shift} Z X C V B N M - _',
    '{lang} @ . {space} {done}',
  ],
};

export const modeLayouts: Record<KeyboardMode, ModeLayout> = {
  numeric: { layout: { default: ['1 2 3', '4 5 6', '7 8 9', '{bksp} 0 {done}'] } },
  latin: { layout: latin },
  url: {
    layout: {
      default: [
        '1 2 3 4 5 6 7 8 9 0',
        'q w e r t y u i o p',
        'a s d f g h j k l {bksp}',
        '{shift} z x c v b n m - _',
        '{lang} : / . @ ? = & {done}',
      ],
      shift: [
        '1 2 3 4 5 6 7 8 9 0',
        'Q W E R T Y U I O P',
        'A S D F G H J K L {bksp}',
        '{shift} Z X C V B N M - _',
        '{lang} : / . @ # % ~ {done}',
      ],
    },
  },
  chinese: {
    layout: {
      default: [
        '1 2 3 4 5 6 7 8 9 0',
        'q w e r t y u i o p',
        'a s d f g h j k l {bksp}',
        'z x c v b n m ， 。',
        '{lang} {space} {done}',
      ],
    },
    // The package types its layouts without the candidate table it ships.
    candidates: (chinese as { layoutCandidates?: Record<string, string> }).layoutCandidates ?? {},
  },
};

/** Latin and Chinese switch between each other; a URL field switches to Chinese and back to URL. */
export function otherMode(mode: KeyboardMode, first: KeyboardMode): KeyboardMode {
  if (mode === 'chinese') return first === 'url' ? 'url' : 'latin';
  return 'chinese';
}
