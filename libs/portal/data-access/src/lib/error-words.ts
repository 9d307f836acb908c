import type { ErrorCode } from '@homeroom/shared/errors';
import type { Language } from './language.service';

type Words = Readonly<Record<Language, string>>;

const TOO_MUCH: Words = {
  en: 'This asks for too much at once. Narrow it down and try again.',
  es: 'Esto pide demasiado a la vez. Acótelo y vuelva a intentarlo.',
  vi: 'Yêu cầu này quá nhiều cùng một lúc. Xin thu hẹp lại rồi thử lại.',
  zh: '一次请求的内容过多。请缩小范围后再试。',
  ar: 'هذا الطلب أكبر من اللازم دفعة واحدة. يُرجى تضييقه ثم المحاولة مرة أخرى.',
  so: 'Tani waxay codsanaysaa wax aad u badan hal mar. Fadlan yaree, kadibna isku day mar kale.',
  ht: 'Sa a mande twòp bagay an menm tan. Tanpri redui l epi eseye ankò.',
};

/**
 * The API's error codes (docs/api/errors.md) in plain words, for people, in the public pages' languages
 * (staff pages ask for English). Typed by the shared list of codes, so a code added there does not compile
 * here until it has its words. The languages after Spanish are machine-assisted drafts awaiting
 * native-speaker review, like the pages' own words (PUBLIC_TEXT_REVIEW).
 */
export const ERROR_WORDS: Readonly<Record<ErrorCode, Words>> = {
  BAD_USER_INPUT: {
    en: 'Please check what you entered.',
    es: 'Revise lo que escribió, por favor.',
    vi: 'Xin vui lòng kiểm tra lại thông tin quý vị đã nhập.',
    zh: '请检查您填写的内容。',
    ar: 'يُرجى التحقق مما أدخلتموه.',
    so: 'Fadlan hubi waxaad gelisay.',
    ht: 'Tanpri verifye sa ou antre a.',
  },
  GRAPHQL_VALIDATION_FAILED: {
    en: 'This page asked the server for something it does not know. Reload the page; if it persists, tell your IT team.',
    es: 'Esta página pidió algo que el servidor no conoce. Vuelva a cargar la página.',
    vi: 'Trang này đã yêu cầu máy chủ một điều mà máy chủ không hiểu. Xin vui lòng tải lại trang.',
    zh: '此页面向服务器请求了无法识别的内容。请重新加载页面。',
    ar: 'طلبت هذه الصفحة من الخادم شيئًا لا يعرفه. يُرجى إعادة تحميل الصفحة.',
    so: 'Boggan wuxuu server-ka ka codsaday wax uusan aqoon. Fadlan dib u soo rar bogga.',
    ht: 'Paj sa a mande sèvè a yon bagay li pa konnen. Tanpri rechaje paj la.',
  },
  UNAUTHENTICATED: {
    en: 'Please sign in again.',
    es: 'Vuelva a iniciar sesión, por favor.',
    vi: 'Xin vui lòng đăng nhập lại.',
    zh: '请重新登录。',
    ar: 'يُرجى تسجيل الدخول مرة أخرى.',
    so: 'Fadlan mar kale soo gal.',
    ht: 'Tanpri konekte ankò.',
  },
  FORBIDDEN: {
    en: 'You do not have access to this.',
    es: 'No tiene acceso a esto.',
    vi: 'Quý vị không có quyền truy cập mục này.',
    zh: '您无权访问此内容。',
    ar: 'ليست لديكم صلاحية الوصول إلى هذا.',
    so: 'Uma haysatid fasax aad ku gasho tan.',
    ht: 'Ou pa gen aksè a sa a.',
  },
  GATEWAY_TRUST_REQUIRED: {
    en: 'The server is misconfigured. Please tell your IT team.',
    es: 'El servidor no está bien configurado. Avise al equipo de informática.',
    vi: 'Máy chủ chưa được cài đặt đúng. Xin báo cho bộ phận công nghệ thông tin.',
    zh: '服务器配置有误。请告知信息技术部门。',
    ar: 'إعدادات الخادم غير صحيحة. يُرجى إبلاغ فريق تقنية المعلومات.',
    so: 'Server-ka si khaldan ayaa loo habeeyay. Fadlan u sheeg kooxda IT-ga.',
    ht: 'Sèvè a pa byen konfigire. Tanpri avèti ekip enfòmatik la.',
  },
  NOT_FOUND: {
    en: 'We could not find that.',
    es: 'No lo encontramos.',
    vi: 'Chúng tôi không tìm thấy mục này.',
    zh: '我们找不到相关内容。',
    ar: 'لم نتمكن من العثور على ذلك.',
    so: 'Ma aynaan helin taas.',
    ht: 'Nou pa jwenn sa.',
  },
  CONFLICT: {
    en: 'This changed in the meantime, or clashes with what is there now. Look again, then try once more.',
    es: 'Esto cambió mientras tanto o choca con lo que ya existe. Revíselo y vuelva a intentarlo.',
    vi: 'Nội dung này đã thay đổi trong lúc đó. Xin xem lại rồi thử lại.',
    zh: '此内容在此期间已更改。请重新查看后再试一次。',
    ar: 'تغيّر هذا في أثناء ذلك. يُرجى مراجعته ثم المحاولة مرة أخرى.',
    so: 'Tani way isbeddeshay intii u dhaxaysay. Fadlan dib u eeg, kadibna isku day mar kale.',
    ht: 'Sa a chanje pandan tan an. Tanpri gade ankò, epi eseye yon lòt fwa.',
  },
  RATE_LIMITED: {
    en: 'Too many tries in a short time. Please wait a minute and try again.',
    es: 'Demasiados intentos en poco tiempo. Espere un minuto y vuelva a intentarlo.',
    vi: 'Quý vị đã thử quá nhiều lần trong thời gian ngắn. Xin vui lòng đợi một phút rồi thử lại.',
    zh: '短时间内尝试次数过多。请稍等一分钟后再试。',
    ar: 'محاولات كثيرة في وقت قصير. يُرجى الانتظار دقيقة ثم المحاولة مرة أخرى.',
    so: 'Isku dayo badan ayaa dhacay muddo gaaban. Fadlan sug daqiiqad, kadibna isku day mar kale.',
    ht: 'Twòp esè nan yon ti tan. Tanpri tann yon minit epi eseye ankò.',
  },
  QUERY_TOO_DEEP: TOO_MUCH,
  QUERY_TOO_COSTLY: TOO_MUCH,
  TOO_MANY_ALIASES: TOO_MUCH,
  BATCH_TOO_LARGE: TOO_MUCH,
  DOCUMENT_TOO_LARGE: {
    en: 'This is too large to send. Send less at once (files up to their size limit).',
    es: 'Esto es demasiado grande para enviarlo. Envíe menos a la vez.',
    vi: 'Nội dung này quá lớn để gửi. Xin gửi ít hơn mỗi lần.',
    zh: '内容太大，无法发送。请每次少发送一些。',
    ar: 'هذا أكبر من أن يُرسَل. يُرجى إرسال أقل في كل مرة.',
    so: 'Tani aad bay u weyn tahay in la diro. Fadlan hal mar dir wax ka yar.',
    ht: 'Sa a twò gwo pou voye. Tanpri voye mwens an menm tan.',
  },
  GATEWAY_TIMEOUT: {
    en: 'This is taking too long. Look again before retrying: it may have been done.',
    es: 'Esto está tardando demasiado. Revise antes de reintentar: puede que ya se haya hecho.',
    vi: 'Việc này mất quá nhiều thời gian. Xin xem lại trước khi thử lại: có thể việc đã được thực hiện.',
    zh: '处理时间过长。重试前请先查看：操作可能已经完成。',
    ar: 'يستغرق هذا وقتًا طويلاً. يُرجى التحقق قبل إعادة المحاولة: ربما تمّ بالفعل.',
    so: 'Tani waqti dheer ayay qaadanaysaa. Fadlan hubi ka hor intaadan mar kale isku dayin: waxaa laga yaabaa in la sameeyay.',
    ht: 'Sa a pran twòp tan. Tanpri tcheke anvan ou eseye ankò: li ka deja fèt.',
  },
  INVALID_CURSOR: {
    en: 'The list changed. Start again from the top.',
    es: 'La lista cambió. Vuelva a empezar desde el principio.',
    vi: 'Danh sách đã thay đổi. Xin bắt đầu lại từ đầu.',
    zh: '列表已更改。请从头开始。',
    ar: 'تغيّرت القائمة. يُرجى البدء من أولها مرة أخرى.',
    so: 'Liisku wuu isbeddelay. Fadlan mar kale ka bilow xagga sare.',
    ht: 'Lis la chanje. Tanpri rekòmanse depi anwo.',
  },
  FEATURE_DISABLED: {
    en: 'Your district has not turned this on.',
    es: 'Su distrito no ha activado esta función.',
    vi: 'Học khu của quý vị chưa bật chức năng này.',
    zh: '您的学区尚未开启此功能。',
    ar: 'لم تفعّل منطقتكم التعليمية هذه الخدمة.',
    so: 'Degmada dugsiyadu weli ma aysan furin adeegan.',
    ht: 'Distri lekòl ou a poko aktive sèvis sa a.',
  },
  UPSTREAM_UNAVAILABLE: {
    en: 'The service is busy right now. Please try again in a moment.',
    es: 'El servicio está ocupado. Vuelva a intentarlo en un momento.',
    vi: 'Dịch vụ đang bận. Xin vui lòng thử lại sau giây lát.',
    zh: '服务目前繁忙。请稍后再试。',
    ar: 'الخدمة مشغولة الآن. يُرجى المحاولة مرة أخرى بعد قليل.',
    so: 'Adeeggu hadda wuu mashquulsan yahay. Fadlan isku day mar kale wax yar kadib.',
    ht: 'Sèvis la okipe kounye a. Tanpri eseye ankò nan yon ti moman.',
  },
  INTERNAL: {
    en: 'Something went wrong on our side. Please try again; if it persists, tell your IT team.',
    es: 'Algo salió mal de nuestro lado. Vuelva a intentarlo.',
    vi: 'Đã xảy ra lỗi từ phía chúng tôi. Xin vui lòng thử lại.',
    zh: '我们这边出了问题。请再试一次。',
    ar: 'حدث خطأ من جهتنا. يُرجى المحاولة مرة أخرى.',
    so: 'Cilad ayaa dhinacayaga ka dhacday. Fadlan isku day mar kale.',
    ht: 'Gen yon pwoblèm sou bò pa nou. Tanpri eseye ankò.',
  },
};

export const FALLBACK_WORDS: Words = {
  en: 'Something went wrong. Please try again.',
  es: 'Algo salió mal. Vuelva a intentarlo.',
  vi: 'Đã xảy ra lỗi. Xin vui lòng thử lại.',
  zh: '出了点问题。请再试一次。',
  ar: 'حدث خطأ. يُرجى المحاولة مرة أخرى.',
  so: 'Cilad ayaa dhacday. Fadlan isku day mar kale.',
  ht: 'Gen yon pwoblèm. Tanpri eseye ankò.',
};
