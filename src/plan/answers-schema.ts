/**
 * Questionnaire answers: flat, every question skippable (absent = skipped). The same object travels
 * in the share link and with the lead (it matches the lead's answers shape: scalars keyed by id).
 */
import { z } from 'zod';
import { REGION_IDS } from './regions.ts';

export const PRIORITIES = ['safety', 'technology', 'comfort', 'cost'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const HOME_CHARGING = ['wallbox', 'socket', 'none'] as const;

export const AnswersSchema = z
  .object({
    /** Distance driven on a normal working day, km (both ways). */
    dailyKm: z.number().min(0).max(1000).optional(),
    /** Longest trip done regularly (holidays, visiting family), km one way. */
    longestTripKm: z.number().min(0).max(5000).optional(),
    /** Own parking space with a wallbox possible, a socket only, or no home charging. */
    homeCharging: z.enum(HOME_CHARGING).optional(),
    workCharging: z.boolean().optional(),
    region: z.enum(REGION_IDS).optional(),
    children: z.boolean().optional(),
    sevenSeats: z.boolean().optional(),
    camping: z.boolean().optional(),
    rideHailing: z.boolean().optional(),
    /** Highest price the household considers, CNY. */
    budgetCny: z.number().min(0).max(5_000_000).optional(),
    /** The current car's fuel use, L/100 km. */
    fuelLPer100km: z.number().min(2).max(30).optional(),
    yearlyKm: z.number().min(0).max(200_000).optional(),
    /** What matters most, most important first. */
    priorities: z.array(z.enum(PRIORITIES)).max(4).optional(),
  })
  .strict();

export type Answers = z.infer<typeof AnswersSchema>;

export const QUESTION_IDS = Object.keys(AnswersSchema.shape) as (keyof Answers)[];
