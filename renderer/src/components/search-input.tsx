import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';

/** A keyword box that reports after the operator pauses typing (CloudStack `keyword`). */
export function SearchInput(props: {
  value: string;
  onChange(value: string): void;
  placeholder: string;
  width?: number;
}) {
  const [text, setText] = useState(props.value);
  const report = useDebouncedCallback((value: string) => props.onChange(value), 250);
  useEffect(() => setText(props.value), [props.value]);
  return (
    <TextInput
      w={props.width ?? 240}
      placeholder={props.placeholder}
      aria-label={props.placeholder}
      leftSection={<IconSearch size={14} />}
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        report(e.currentTarget.value);
      }}
      rightSection={
        text ? (
          <CloseButton
            size="xs"
            onClick={() => {
              setText('');
              props.onChange('');
            }}
            aria-label="clear"
          />
        ) : null
      }
    />
  );
}
