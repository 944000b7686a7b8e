// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, fakeClient } from '../test/fake-transport';
import { renderWithProviders } from '../test/render';
import { DateFilter } from './date-filter';

function Harness({ initial }: { initial?: string }) {
  const [value, setValue] = useState<string | undefined>(initial);
  return (
    <>
      <DateFilter label="From" value={value} onChange={setValue} testId="from" />
      <output data-testid="value">{value ?? 'none'}</output>
    </>
  );
}

const render = (locale: 'en' | 'ko', initial?: string) =>
  renderWithProviders(<Harness initial={initial} />, { ...fakeClient({}), user: ADMIN, locale });
const shown = () => screen.getByTestId('from').textContent;

describe('DateFilter', () => {
  afterEach(cleanup);

  it('writes the day in the app language’s order, not the browser’s', () => {
    render('ko', '2026-12-07');
    expect(shown()).toBe('2026. 12. 07.');
    // Its name says the day too, as a screen reader should read it.
    expect(screen.getByTestId('from').getAttribute('aria-label')).toBe('From 2026. 12. 07.');
    cleanup();
    render('en', '2026-12-07');
    expect(shown()).toBe('12/07/2026');
  });

  it('a picked day is the API’s YYYY-MM-DD, with Korean month and weekday names in Korean', async () => {
    render('ko', '2026-12-07');
    fireEvent.click(screen.getByTestId('from'));
    await screen.findByText('2026년 12월');
    // Weeks start on Sunday, named in Korean.
    const weekdays = [...document.querySelectorAll('.mantine-DatePickerInput-weekday')].map((h) => h.textContent);
    expect(weekdays).toEqual(['일', '월', '화', '수', '목', '금', '토']);
    // The dropdown is still fading in (happy-dom runs no transitions): queried with hidden elements.
    expect(screen.getByRole('button', { name: '다음 달', hidden: true })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '2026. 12. 15.', hidden: true }));
    await waitFor(() => expect(screen.getByTestId('value').textContent).toBe('2026-12-15'));
  });
});
