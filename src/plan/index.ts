/** Needs diagnosis: answers -> plan and lead tags. Pure: no React, DOM, clock or randomness. */
export { AnswersSchema, QUESTION_IDS, PRIORITIES, HOME_CHARGING, type Answers, type Priority } from './answers-schema.ts';
export { buildPlan, DEFAULT_DAILY_KM, type Plan, type PlanOption } from './build-plan.ts';
export { leadTags, BEHAVIOUR_EVENTS, TAG_VOCABULARY, type BehaviourEvent, type LeadTags } from './tags.ts';
export { REGIONS, REGION_IDS, DEFAULT_REGION, type RegionId } from './regions.ts';
export { DEFAULT_PRICES, PricesSchema, type Prices } from './prices.ts';
export { encodeAnswers, decodeAnswers, planLink, PLAN_ROUTE } from './share.ts';
export type { Reason, ReasonCode } from './recommend.ts';
export type { ChargingPlan, ChargingMode } from './charging.ts';
export type { YearlyCost } from './costs.ts';
export type { CommuteFigures } from './commute.ts';
export type { TestDrive } from './test-drives.ts';
