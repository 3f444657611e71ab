"use client";

// A form's zod schema as react-hook-form's resolver, its messages in the reader's
// language: the words the server answers with (issueMessage), where zodResolver would
// show a schema's own message as written (a catalogue key).
import { useMemo } from "react";
import { toNestErrors, validateFieldsNatively } from "@hookform/resolvers";
import type { FieldError, FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod";
import { issueMessage } from "@/lib/core/validation";
import { useLocale } from "@/components/i18n/I18nProvider";

export function useSchemaResolver<S extends z.ZodType<FieldValues, FieldValues>>(schema: S): Resolver<z.input<S>, unknown, z.output<S>> {
  const locale = useLocale();
  return useMemo<Resolver<z.input<S>, unknown, z.output<S>>>(
    () => async (values, _context, options) => {
      const result = await schema.safeParseAsync(values, { reportInput: true });
      if (result.success) {
        if (options.shouldUseNativeValidation) validateFieldsNatively({}, options);
        return { values: result.data, errors: {} };
      }
      const errors: Record<string, FieldError> = {};
      for (const issue of result.error.issues) errors[issue.path.join(".")] ??= { type: issue.code, message: issueMessage(issue, locale) };
      return { values: {}, errors: toNestErrors(errors, options) };
    },
    [schema, locale],
  );
}
