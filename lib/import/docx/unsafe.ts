// Why a .docx is refused (a zip bomb, macros, a DTD, a damaged package …): one error
// for the package, its XML and its parts, with its words in the catalogue.
import "server-only";
import { translate, type MessageKey } from "../../core/i18n/messages";

export class UnsafeDocxError extends Error {
  constructor(readonly key: Extract<MessageKey, `import.${string}`>) {
    super(translate("zh", key));
    this.name = "UnsafeDocxError";
  }
}
