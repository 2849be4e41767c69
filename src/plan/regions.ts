/**
 * Regions of the needs diagnosis with their design temperatures: the mean daily minimum of January
 * (a winter morning commute) and the mean daily maximum of July, rounded to whole °C, approximating
 * the China Meteorological Administration's 1991–2020 climate normals for each city.
 */
export const REGIONS = {
  harbin: { winterC: -23, summerC: 28, zh: '哈尔滨', en: 'Harbin' },
  changchun: { winterC: -20, summerC: 28, zh: '长春', en: 'Changchun' },
  shenyang: { winterC: -17, summerC: 29, zh: '沈阳', en: 'Shenyang' },
  urumqi: { winterC: -17, summerC: 30, zh: '乌鲁木齐', en: 'Ürümqi' },
  hohhot: { winterC: -17, summerC: 29, zh: '呼和浩特', en: 'Hohhot' },
  lanzhou: { winterC: -11, summerC: 29, zh: '兰州', en: 'Lanzhou' },
  beijing: { winterC: -9, summerC: 31, zh: '北京', en: 'Beijing' },
  tianjin: { winterC: -7, summerC: 31, zh: '天津', en: 'Tianjin' },
  shijiazhuang: { winterC: -6, summerC: 32, zh: '石家庄', en: 'Shijiazhuang' },
  jinan: { winterC: -4, summerC: 32, zh: '济南', en: 'Jinan' },
  xian: { winterC: -3, summerC: 32, zh: '西安', en: "Xi'an" },
  zhengzhou: { winterC: -3, summerC: 32, zh: '郑州', en: 'Zhengzhou' },
  nanjing: { winterC: -1, summerC: 32, zh: '南京', en: 'Nanjing' },
  wuhan: { winterC: 1, summerC: 33, zh: '武汉', en: 'Wuhan' },
  shanghai: { winterC: 2, summerC: 32, zh: '上海', en: 'Shanghai' },
  hangzhou: { winterC: 2, summerC: 33, zh: '杭州', en: 'Hangzhou' },
  changsha: { winterC: 2, summerC: 34, zh: '长沙', en: 'Changsha' },
  chengdu: { winterC: 3, summerC: 30, zh: '成都', en: 'Chengdu' },
  kunming: { winterC: 3, summerC: 24, zh: '昆明', en: 'Kunming' },
  chongqing: { winterC: 6, summerC: 34, zh: '重庆', en: 'Chongqing' },
  xiamen: { winterC: 10, summerC: 32, zh: '厦门', en: 'Xiamen' },
  guangzhou: { winterC: 10, summerC: 33, zh: '广州', en: 'Guangzhou' },
  shenzhen: { winterC: 12, summerC: 32, zh: '深圳', en: 'Shenzhen' },
  haikou: { winterC: 16, summerC: 33, zh: '海口', en: 'Haikou' },
} as const satisfies Record<string, { winterC: number; summerC: number; zh: string; en: string }>;

export type RegionId = keyof typeof REGIONS;
export const REGION_IDS = Object.keys(REGIONS) as [RegionId, ...RegionId[]];

/** A customer who skips the region question gets a temperate default (Shanghai-like). */
export const DEFAULT_REGION: RegionId = 'shanghai';
