/**
 * Monthly mean air temperature (the mean of the daily means, January to December, °C) of the needs
 * diagnosis's regions, for the ageing projection: calendar fade follows the pack's temperature through
 * the year, not the winter design day that `plan/regions.ts` gives the range figures.
 *
 * The values are rounded to whole °C and, like `plan/regions.ts`, approximate the China Meteorological
 * Administration's 1991–2020 normals for each city's main station; they were compiled for this table,
 * not transcribed from a CMA file. `test/sim/region-climate.test.ts` checks them against two sourced
 * sets: the regions' January mean minimum and July mean maximum in `plan/regions.ts` (a monthly mean
 * lies between them by a plausible half diurnal range) and the National Bureau of Statistics'
 * monthly means of 2008 and 2009 (`test/sim/reference/nbs_monthly_temperature_2008_2009.csv`).
 * Replace with the CMA 中国地面气候标准值月值 (1991–2020) rows when the project has them.
 *
 * The keys are the plan's region ids (the arrows run plan → sim, so they are repeated here; the test
 * checks that both lists agree).
 */

export type MonthlyC = readonly [number, number, number, number, number, number, number, number, number, number, number, number];

export const REGION_MONTHLY_MEAN_C = {
  harbin: [-17, -12, -3, 8, 16, 21, 24, 22, 16, 7, -4, -14],
  changchun: [-15, -10, -2, 8, 16, 21, 23, 22, 16, 8, -3, -12],
  shenyang: [-11, -7, 1, 10, 17, 22, 25, 24, 18, 10, 0, -8],
  urumqi: [-12, -9, 1, 11, 18, 23, 25, 23, 17, 9, 0, -9],
  hohhot: [-11, -6, 1, 9, 16, 21, 23, 21, 16, 8, -1, -9],
  lanzhou: [-5, 0, 6, 13, 18, 22, 24, 22, 17, 11, 3, -3],
  beijing: [-3, 0, 7, 15, 21, 25, 27, 26, 21, 14, 5, -1],
  tianjin: [-3, 0, 7, 15, 21, 25, 27, 26, 21, 14, 6, -1],
  shijiazhuang: [-1, 2, 9, 16, 22, 26, 28, 26, 22, 15, 7, 0],
  jinan: [0, 3, 9, 16, 22, 26, 28, 27, 22, 16, 8, 2],
  xian: [1, 5, 11, 17, 22, 26, 28, 27, 21, 15, 8, 2],
  zhengzhou: [1, 4, 10, 17, 22, 27, 28, 26, 22, 16, 9, 3],
  nanjing: [3, 6, 10, 16, 22, 25, 28, 28, 24, 18, 12, 5],
  wuhan: [4, 7, 12, 18, 23, 27, 30, 29, 25, 19, 12, 6],
  shanghai: [5, 6, 10, 15, 21, 24, 29, 28, 25, 20, 14, 8],
  hangzhou: [5, 7, 11, 17, 22, 25, 29, 29, 25, 19, 13, 7],
  changsha: [5, 8, 12, 18, 23, 27, 30, 29, 25, 19, 13, 7],
  chengdu: [6, 8, 12, 17, 22, 24, 26, 25, 22, 18, 13, 7],
  kunming: [9, 11, 15, 18, 20, 21, 20, 20, 19, 16, 13, 10],
  chongqing: [8, 10, 14, 19, 23, 26, 29, 29, 24, 19, 15, 10],
  xiamen: [13, 14, 16, 20, 24, 27, 29, 29, 27, 24, 20, 16],
  guangzhou: [14, 16, 18, 23, 26, 28, 29, 29, 28, 25, 21, 16],
  shenzhen: [16, 17, 19, 23, 26, 28, 29, 29, 28, 26, 22, 17],
  haikou: [18, 19, 22, 25, 28, 29, 29, 29, 28, 26, 23, 20],
} as const satisfies Record<string, MonthlyC>;

export type ClimateRegionId = keyof typeof REGION_MONTHLY_MEAN_C;
export const CLIMATE_REGION_IDS = Object.keys(REGION_MONTHLY_MEAN_C) as [ClimateRegionId, ...ClimateRegionId[]];

/** Days of each month in a 365-day year. */
export const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
