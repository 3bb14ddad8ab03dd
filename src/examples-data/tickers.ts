/**
 * A universe of equity tickers for generated market data: well-known US listings first (they
 * get the most activity), then plausible made-up ones (3–4 letters) drawn from a fixed seed,
 * so symbol i is the same in every data set whatever the run's seed.
 */
import { Prng } from "./prng.js";

// biome-ignore format: a table
const LISTED = [
  "AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META", "TSLA", "AVGO", "BRK.B", "JPM",
  "LLY", "V", "UNH", "XOM", "MA", "JNJ", "PG", "HD", "COST", "MRK",
  "ABBV", "CVX", "CRM", "BAC", "AMD", "NFLX", "PEP", "KO", "TMO", "WMT",
  "ADBE", "LIN", "MCD", "ACN", "CSCO", "ABT", "ORCL", "INTC", "DIS", "WFC",
  "CMCSA", "VZ", "DHR", "INTU", "PFE", "QCOM", "TXN", "AMGN", "IBM", "NKE",
  "PM", "UNP", "CAT", "GE", "SPGI", "NOW", "HON", "LOW", "BA", "GS",
  "RTX", "UBER", "T", "ISRG", "BKNG", "ELV", "SBUX", "PLD", "MDT", "BLK",
  "DE", "AXP", "SYK", "TJX", "GILD", "MMC", "ADP", "LMT", "VRTX", "MDLZ",
  "CB", "ADI", "C", "REGN", "CVS", "MU", "SCHW", "AMAT", "LRCX", "CI",
  "ZTS", "BSX", "MO", "SO", "DUK", "FI", "PGR", "EQIX", "ETN", "BDX",
  "SLB", "CME", "AON", "ITW", "NOC", "KLAC", "PANW", "SNPS", "CDNS", "APD",
  "WM", "CL", "SHW", "ICE", "MCK", "FDX", "EOG", "HCA", "TGT", "USB",
  "F", "GM", "PYPL", "SQ", "SHOP", "SNOW", "PLTR", "COIN", "ABNB", "RIVN",
  "LCID", "SOFI", "HOOD", "DKNG", "ROKU", "ZM", "DOCU", "CRWD", "NET", "DDOG",
  "MRNA", "BNTX", "AAL", "DAL", "UAL", "LUV", "CCL", "RCL", "NCLH", "MAR",
];

const CONSONANTS = "BCDFGHJKLMNPQRSTVWXZ";
const VOWELS = "AEIOUY";
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

function madeUp(rng: Prng): string {
  // Mostly pronounceable (consonant-vowel-consonant[-letter]), sometimes an acronym.
  if (rng.chance(0.35)) {
    const n = rng.int(3, 4);
    let s = "";
    for (let i = 0; i < n; i++) s += LETTERS[rng.int(0, 25)];
    return s;
  }
  let s = CONSONANTS[rng.int(0, CONSONANTS.length - 1)]! + VOWELS[rng.int(0, VOWELS.length - 1)]!;
  s += CONSONANTS[rng.int(0, CONSONANTS.length - 1)]!;
  if (rng.chance(0.6)) s += LETTERS[rng.int(0, 25)]!;
  return s;
}

let cache: readonly string[] = LISTED;

/**
 * The first `n` tickers of the universe (unique, in order of decreasing typical activity).
 * Made-up tickers come from one fixed-seed sequence with duplicates skipped, so a shorter
 * universe is always a prefix of a longer one.
 */
export function tickers(n: number): string[] {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`symbol count ${n} must be a positive integer`);
  if (cache.length < n) {
    const rng = new Prng("hindsight tickers");
    const out = [...LISTED];
    const seen = new Set(out);
    while (out.length < n) {
      const t = madeUp(rng);
      if (seen.has(t)) continue;
      seen.add(t);
      out.push(t);
    }
    cache = out;
  }
  return cache.slice(0, n);
}
