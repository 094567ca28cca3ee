// The 一级 and 二级 names the library's form offers (the default form's); others may be typed.
import { defaultForm } from '../../../src/core/templates/index';

export const LEVEL1_OPTIONS = defaultForm().indicators.level1.map((c) => c.label);
export const LEVEL2_OPTIONS = defaultForm().indicators.level2.map((c) => c.label);
