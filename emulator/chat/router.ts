/**
 * Routes an HTTP request to a discovery method by verb and path template, the way Google's front end does for a gRPC
 * transcoded API: `/v1/...` against each method's `path`, `/upload/v1/...` against its media upload path. A path no
 * template matches (for any verb) is an unknown URL (Google answers with its HTML 404 page); path parameters are
 * percent-decoded after matching.
 */
import type { MethodInfo } from './discovery';

/** A matched method with its decoded path parameters. */
export interface RouteMatch {
  method: MethodInfo;
  pathParams: Record<string, string>;
  /** True when the request came in on the media upload path. */
  upload: boolean;
}

/** Matches requests against a method table. */
export class Router {
  private readonly methods: MethodInfo[];

  constructor(methods: MethodInfo[]) {
    // Most specific templates first, so `v1/spaces:setup` wins over `v1/{+name}`.
    this.methods = [...methods].sort((a, b) => b.specificity - a.specificity);
  }

  /** The method for `verb path` (path without query string), or undefined when no template matches. */
  match(verb: string, urlPath: string): RouteMatch | undefined {
    const upper = verb.toUpperCase();
    const isUpload = urlPath.startsWith('/upload/');
    for (const method of this.methods) {
      if (method.httpMethod !== upper) continue;
      const regex = isUpload ? method.uploadRegex : method.pathRegex;
      if (!regex) continue;
      const m = regex.exec(urlPath);
      if (!m) continue;
      const pathParams: Record<string, string> = {};
      method.pathParams.forEach((name, i) => {
        pathParams[name] = safeDecode(m[i + 1]);
      });
      return { method, pathParams, upload: isUpload };
    }
    return undefined;
  }
}

/** decodeURIComponent that leaves malformed escapes as they are. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
