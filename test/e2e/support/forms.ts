/** Filling GOV.UK form parts as a person would, found by their visible legends and labels. */
import type { Page } from 'playwright-core';

/** Fills a GOV.UK date input, found by its legend. */
export async function fillDate(page: Page, legend: string, iso: string): Promise<void> {
  const [y, m, d] = iso.split('-') as [string, string, string];
  const group = page.getByRole('group', { name: legend, exact: true });
  await group.getByLabel('Day').fill(String(Number(d)));
  await group.getByLabel('Month').fill(String(Number(m)));
  await group.getByLabel('Year').fill(y);
}

/** Answers a Yes / No question, found by its legend. */
export async function answer(page: Page, question: string, yes: boolean): Promise<void> {
  await page.getByRole('group', { name: question, exact: true }).getByLabel(yes ? 'Yes' : 'No', { exact: true }).check();
}

/** Chooses the radio whose label starts with `text` in the group with this legend. */
export async function choose(page: Page, legend: string, text: string): Promise<void> {
  await page.getByRole('group', { name: legend, exact: true }).getByLabel(text, { exact: false }).first().check();
}
