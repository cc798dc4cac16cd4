/**
 * Engine events: what happened during resolution, one typed record each, named in the past tense.
 * They drive the turn report, the animated resolution, the event log, the CSVs and the AAR; the
 * invariant tests check that they agree with the state.
 */
import type { Side } from './content/scenario-schema';
import type { Mode, RegionId } from './content/schema';
import type { Control, OverrideTarget } from './types';

interface Base {
  turn: number;
}

export type GameEvent = Base &
  (
    | {
        type: 'injectApplied';
        inject: string;
        title: { en: string; es: string };
        region: RegionId | null;
        entry: string | null;
        reason: 'scheduled' | 'trigger' | 'facilitator';
        custom: boolean;
      }
    | { type: 'mselChanged'; entry: string; action: 'fire' | 'hold' | 'release' | 'cancel' }
    | { type: 'facilitatorNoted'; noteTurn: number; phase: 'planning' | 'review'; text: string }
    | { type: 'overrideApplied'; target: OverrideTarget; region: RegionId | null; from: number; to: number; reason: string }
    | { type: 'forcesDeployed'; region: RegionId; force: 'army' | 'police'; from: number; to: number }
    | { type: 'fightersMoved'; region: RegionId; to: RegionId; fighters: number }
    | { type: 'clashOccurred'; region: RegionId; securityKilled: number; insurgentsKilled: number; civiliansKilled: number }
    | { type: 'ambushSprung'; region: RegionId; securityKilled: number; insurgentsKilled: number; civiliansKilled: number }
    | { type: 'installationAttacked'; region: RegionId; securityKilled: number; insurgentsKilled: number; civiliansKilled: number }
    | { type: 'leaderKilled'; region: RegionId; leader: string; name: string; successor: boolean }
    | { type: 'leaderCaptured'; region: RegionId; leader: string; name: string; successor: boolean }
    | { type: 'clanBossArrested'; region: RegionId }
    | { type: 'cocaEradicated'; region: RegionId; ha: number; orderedHa: number; limit: 'none' | 'standing' | 'escorts' | 'teams' }
    | { type: 'cultivationReplanted'; region: RegionId; ha: number }
    | { type: 'cultivationDisplaced'; region: RegionId; to: RegionId; ha: number }
    | { type: 'cultivationAbandoned'; region: RegionId; ha: number }
    | { type: 'cultivationPlanted'; region: RegionId; ha: number; financedHa: number }
    | { type: 'labsBuilt'; region: RegionId; labs: number }
    | { type: 'labsClosed'; region: RegionId; labs: number }
    | { type: 'labsRelocated'; region: RegionId; to: RegionId; labs: number }
    | { type: 'labsDestroyed'; region: RegionId; labs: number; seizedT: number }
    | { type: 'shipmentSeized'; region: RegionId; exit: string; mode: Mode; tonnes: number }
    | { type: 'shipmentExported'; region: RegionId; exit: string; mode: Mode; tonnes: number }
    | {
        type: 'flightsInterdicted';
        region: RegionId;
        flights: number;
        interdicted: number;
        shotDown: number;
        forcedDown: number;
        seizedT: number;
      }
    | { type: 'flightsRefused'; region: RegionId; tonnes: number }
    | { type: 'leaderSucceeded'; region: RegionId; leader: string; successorOf: string; name: string }
    | { type: 'civilianAircraftShotDown'; region: RegionId }
    | { type: 'usSupportChanged'; from: number; to: number; cause: 'shootdown' | 'stance' | 'inject' | 'drift' }
    | { type: 'interdictionLawPassed' }
    | { type: 'interdictionLawProposed'; turnsToPass: number }
    | { type: 'radarOnline'; region: RegionId; coverage: number }
    | { type: 'routeShifted'; exit: string; from: number; to: number }
    | { type: 'protectionPaid'; region: RegionId; musd: number }
    | { type: 'developmentCaptured'; region: RegionId; musd: number }
    | { type: 'protectionEnforced'; region: RegionId; musd: number }
    | { type: 'insurgentsRecruited'; region: RegionId; fighters: number }
    | { type: 'controlChanged'; region: RegionId; from: Control; to: Control }
    | { type: 'revenueCollected'; side: Side; musd: number }
    | { type: 'gameEnded' }
  );

export type EventType = GameEvent['type'];
export type EventOf<T extends EventType> = Extract<GameEvent, { type: T }>;
