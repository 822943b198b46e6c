export type { EnglandFigure, Indicator, IndicatorChild, IndicatorInput, IndicatorResult, IndicatorUnit, IndicatorWindow, Polarity } from './indicator.js';
export { INDICATORS, indicatorById } from './catalogue.js';
export { inWindow, openAt } from './measure.js';
