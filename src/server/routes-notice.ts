/**
 * GET /api/consent-notice: the facts the kiosk's consent notice states, from the server that keeps
 * the data rather than from constants in the kiosk, so what a customer reads matches what happens:
 * the retention period is the server's RETENTION_DAYS, and a CRM outside mainland China
 * (CRM_OUTSIDE_MAINLAND=1) is named, so the separate cross-border consent is asked. The dealer is
 * the store's name from its store file (store settings), else DEALER_NAME.
 */
import type { FastifyInstance } from 'fastify';
import type { ConsentNoticeParams } from '../leads/api-schema.ts';
import { DEFAULT_STORE_NAME } from '../store/store-settings.ts';
import { CREATE_ROLES } from './auth-repo.ts';
import type { AppContext } from './context.ts';

/** The deployment's names for the notice (the store id is the caller's, the retention the server's). */
export type NoticeSettings = Omit<ConsentNoticeParams, 'storeId' | 'retentionDays'>;

/** Names used when the deployment sets none (DEALER_NAME, MAKER_NAME and their _EN). */
export const DEFAULT_NOTICE: NoticeSettings = {
  dealerName: { ...DEFAULT_STORE_NAME },
  makerName: { 'zh-CN': '维拉汽车', en: 'Vela Automobile' },
  crmLocation: null,
};

/**
 * Registers the route for kiosk tokens (and the share tokens of customers' phones); `storeName`
 * gives the caller's store's name as its settings have it.
 */
export function noticeRoutes(app: FastifyInstance, ctx: AppContext, settings: NoticeSettings, retentionDays: number, storeName: (storeId: string) => Promise<NoticeSettings['dealerName']>): void {
  app.get('/api/consent-notice', { preHandler: ctx.auth.require(...CREATE_ROLES) }, async (req, reply) => {
    const storeId = req.principal!.storeId!;
    const body: ConsentNoticeParams = { storeId, ...settings, dealerName: await storeName(storeId), retentionDays };
    // Short cache: a changed setting reaches the kiosks within minutes; the kiosk keeps the last copy offline.
    return reply.header('cache-control', 'private, max-age=300').send(body);
  });
}
