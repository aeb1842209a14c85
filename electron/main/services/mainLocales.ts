/**
 * Every locale's main.json (the strings main shows itself: dialogs, menus), bundled
 * as JSON imports rather than read from disk, so the packaged app (which ships
 * only out/) and the web host both have them. ~70 × 0.5 kB. A unit test checks
 * that this list covers every shipped language.
 */
import af from '../../../locales/af/main.json' with { type: 'json' };
import am from '../../../locales/am/main.json' with { type: 'json' };
import ar from '../../../locales/ar/main.json' with { type: 'json' };
import az from '../../../locales/az/main.json' with { type: 'json' };
import bg from '../../../locales/bg/main.json' with { type: 'json' };
import bn from '../../../locales/bn/main.json' with { type: 'json' };
import bs from '../../../locales/bs/main.json' with { type: 'json' };
import ca from '../../../locales/ca/main.json' with { type: 'json' };
import cs from '../../../locales/cs/main.json' with { type: 'json' };
import da from '../../../locales/da/main.json' with { type: 'json' };
import de from '../../../locales/de/main.json' with { type: 'json' };
import el from '../../../locales/el/main.json' with { type: 'json' };
import en from '../../../locales/en/main.json' with { type: 'json' };
import es from '../../../locales/es/main.json' with { type: 'json' };
import es_419 from '../../../locales/es-419/main.json' with { type: 'json' };
import et from '../../../locales/et/main.json' with { type: 'json' };
import fa from '../../../locales/fa/main.json' with { type: 'json' };
import fi from '../../../locales/fi/main.json' with { type: 'json' };
import fil from '../../../locales/fil/main.json' with { type: 'json' };
import fr from '../../../locales/fr/main.json' with { type: 'json' };
import gu from '../../../locales/gu/main.json' with { type: 'json' };
import ha from '../../../locales/ha/main.json' with { type: 'json' };
import he from '../../../locales/he/main.json' with { type: 'json' };
import hi from '../../../locales/hi/main.json' with { type: 'json' };
import hr from '../../../locales/hr/main.json' with { type: 'json' };
import hu from '../../../locales/hu/main.json' with { type: 'json' };
import hy from '../../../locales/hy/main.json' with { type: 'json' };
import id from '../../../locales/id/main.json' with { type: 'json' };
import it from '../../../locales/it/main.json' with { type: 'json' };
import ja from '../../../locales/ja/main.json' with { type: 'json' };
import ka from '../../../locales/ka/main.json' with { type: 'json' };
import kk from '../../../locales/kk/main.json' with { type: 'json' };
import km from '../../../locales/km/main.json' with { type: 'json' };
import kn from '../../../locales/kn/main.json' with { type: 'json' };
import ko from '../../../locales/ko/main.json' with { type: 'json' };
import lt from '../../../locales/lt/main.json' with { type: 'json' };
import lv from '../../../locales/lv/main.json' with { type: 'json' };
import mk from '../../../locales/mk/main.json' with { type: 'json' };
import ml from '../../../locales/ml/main.json' with { type: 'json' };
import mn from '../../../locales/mn/main.json' with { type: 'json' };
import mr from '../../../locales/mr/main.json' with { type: 'json' };
import ms from '../../../locales/ms/main.json' with { type: 'json' };
import my from '../../../locales/my/main.json' with { type: 'json' };
import nb from '../../../locales/nb/main.json' with { type: 'json' };
import ne from '../../../locales/ne/main.json' with { type: 'json' };
import nl from '../../../locales/nl/main.json' with { type: 'json' };
import pa from '../../../locales/pa/main.json' with { type: 'json' };
import pl from '../../../locales/pl/main.json' with { type: 'json' };
import pt_BR from '../../../locales/pt-BR/main.json' with { type: 'json' };
import pt_PT from '../../../locales/pt-PT/main.json' with { type: 'json' };
import ro from '../../../locales/ro/main.json' with { type: 'json' };
import ru from '../../../locales/ru/main.json' with { type: 'json' };
import si from '../../../locales/si/main.json' with { type: 'json' };
import sk from '../../../locales/sk/main.json' with { type: 'json' };
import sl from '../../../locales/sl/main.json' with { type: 'json' };
import sq from '../../../locales/sq/main.json' with { type: 'json' };
import sr from '../../../locales/sr/main.json' with { type: 'json' };
import sv from '../../../locales/sv/main.json' with { type: 'json' };
import sw from '../../../locales/sw/main.json' with { type: 'json' };
import ta from '../../../locales/ta/main.json' with { type: 'json' };
import te from '../../../locales/te/main.json' with { type: 'json' };
import th from '../../../locales/th/main.json' with { type: 'json' };
import tr from '../../../locales/tr/main.json' with { type: 'json' };
import uk from '../../../locales/uk/main.json' with { type: 'json' };
import ur from '../../../locales/ur/main.json' with { type: 'json' };
import uz from '../../../locales/uz/main.json' with { type: 'json' };
import vi from '../../../locales/vi/main.json' with { type: 'json' };
import zh_CN from '../../../locales/zh-CN/main.json' with { type: 'json' };
import zh_TW from '../../../locales/zh-TW/main.json' with { type: 'json' };
import zu from '../../../locales/zu/main.json' with { type: 'json' };

export const MAIN_MESSAGES: Record<string, Record<string, unknown>> = {
  af,
  am,
  ar,
  az,
  bg,
  bn,
  bs,
  ca,
  cs,
  da,
  de,
  el,
  en,
  es,
  'es-419': es_419,
  et,
  fa,
  fi,
  fil,
  fr,
  gu,
  ha,
  he,
  hi,
  hr,
  hu,
  hy,
  id,
  it,
  ja,
  ka,
  kk,
  km,
  kn,
  ko,
  lt,
  lv,
  mk,
  ml,
  mn,
  mr,
  ms,
  my,
  nb,
  ne,
  nl,
  pa,
  pl,
  'pt-BR': pt_BR,
  'pt-PT': pt_PT,
  ro,
  ru,
  si,
  sk,
  sl,
  sq,
  sr,
  sv,
  sw,
  ta,
  te,
  th,
  tr,
  uk,
  ur,
  uz,
  vi,
  'zh-CN': zh_CN,
  'zh-TW': zh_TW,
  zu,
};
