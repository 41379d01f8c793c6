import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { DeliveryMessage } from '../delivery/delivery.types';
import { templatesDir } from './templates-dir';

/**
 * Renders the Chinese notification templates (`<name>.hbs`; files starting with `_` are partials). Strict mode:
 * a variable missing from the context throws instead of printing nothing, so a template and its context can
 * only drift apart in a failing test. No HTML escaping: the output is plain text (email text, robot markdown).
 *
 * A template's first line is the title; the rest, trimmed, is the body.
 */
export class TemplateRenderer {
  private readonly hbs = Handlebars.create();
  private readonly templates = new Map<string, HandlebarsTemplateDelegate>();

  constructor(readonly dir: string = templatesDir()) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.hbs'))) {
      const name = basename(file, '.hbs');
      const source = readFileSync(join(dir, file), 'utf8');
      if (name.startsWith('_')) this.hbs.registerPartial(name.slice(1), source);
      else this.templates.set(name, this.hbs.compile(source, { strict: true, noEscape: true }));
    }
  }

  get names(): string[] {
    return [...this.templates.keys()].sort();
  }

  render(name: string, context: object, link: string | null = null): DeliveryMessage {
    const template = this.templates.get(name);
    if (!template) throw new Error(`no notification template "${name}" in ${this.dir}`);
    const text = template(context).replace(/\r\n/g, '\n');
    const newline = text.indexOf('\n');
    const title = (newline < 0 ? text : text.slice(0, newline)).trim();
    const body = (newline < 0 ? '' : text.slice(newline + 1))
      .replace(/[ \t]+\n/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    if (!title) throw new Error(`notification template "${name}" rendered an empty title`);
    return { title: title.slice(0, 300), body, link };
  }
}
